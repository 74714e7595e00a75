/// The longest text a spreadsheet cell holds, and the export error for a value that would not fit in one.
///
/// Excel keeps at most 32 767 characters in a cell, counted as UTF-16 code units (a character past U+FFFF, as most
/// emoji are, counts two), and cuts a longer text when it opens a file; RegionKit's own CSV and workbook readers
/// refuse a longer cell. An exporter whose cells a spreadsheet opens measures each text cell as it writes it and
/// stops at the first that would not fit, so that no value is cut on the way.
public enum SpreadsheetCell {
    /// The most UTF-16 code units a cell's text may have: 32 767, Excel's limit.
    public static let maximumUnits = 32_767

    /// Whether a text of `utf8Count` UTF-8 bytes fits in a cell whatever it holds, when every byte may grow into
    /// `unitsPerByte` code units as written (1 for plain text: no text has more UTF-16 code units than UTF-8 bytes).
    public static func surelyFits(utf8Count: Int, unitsPerByte: Int = 1) -> Bool {
        utf8Count <= maximumUnits / unitsPerByte
    }

    /// The error for a value whose cell would hold `units` code units: it names the format, the table, the row, the
    /// field and where the value stands in the dataset file, and says that nothing was written.
    public static func tooLong(
        format: String, table: TableID, record: Record, index: Int, field: String, units: Int, counting: String
    ) -> RegionKitError {
        refused(
            format: format, table: table, record: record, index: index, field: field,
            reason:
                "the cell would hold \(units) characters (\(counting)), more than the \(maximumUnits) a spreadsheet cell holds; Excel would cut it, so nothing was written. Shorten the value, or export the other formats (--format)."
        )
    }

    /// The error for a value a format cannot hold, for `reason`: `FORMAT: TABLE row 'ID', field KEY (FILE:LINE:COLUMN): REASON`.
    public static func refused(
        format: String, table: TableID, record: Record, index: Int, field: String, reason: String
    ) -> RegionKitError {
        let row = record.id.map { "'\($0)'" } ?? "\(index + 1)"
        let place = record.location(of: field).map { " (\($0))" } ?? ""
        return RegionKitError(.unsupported, "\(format): \(table) row \(row), field \(field)\(place): \(reason)")
    }
}
