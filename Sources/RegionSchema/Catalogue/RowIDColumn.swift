/// The column a spreadsheet export adds after each table's fields: every row's id at export, which lets a row whose
/// id was edited still be matched to the row it was. It is not a field of any table.
public enum RowIDColumn {
    /// Its key in the export record.
    public static let key = "_row"
    /// Its title in the header row.
    public static let title = "Row id at export"

    /// Whether a header names this column, by title or key, ignoring case, spaces and underscores.
    public static func isNamed(by header: String) -> Bool {
        let wanted = HeaderText.normalized(header)
        return wanted == HeaderText.normalized(title) || wanted == HeaderText.normalized(key)
    }
}
