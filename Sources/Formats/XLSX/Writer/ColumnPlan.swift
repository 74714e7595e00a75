import RegionSchema

/// How one field is laid out on its table sheet: its column, width, cell style and data validation.
struct ColumnPlan {
    /// The field, or nil for the hidden row-id column.
    let field: FieldSpec?
    /// The 1-based column.
    let column: Int
    let title: String
    let key: String
    /// The width in characters.
    let width: Double

    var letter: String { CellAddress.letters(of: column) }

    /// The columns of a table's sheet: one per field in catalogue order, then the hidden row-id column.
    static func columns(of table: TableSpec, rows: [Record]) -> [ColumnPlan] {
        var plans = table.fields.enumerated().map { index, field in
            ColumnPlan(field: field, column: index + 1, title: field.title, key: field.key, width: width(of: field, rows: rows))
        }
        plans.append(
            ColumnPlan(
                field: nil, column: table.fields.count + 1, title: WorkbookLayout.rowIDTitle, key: WorkbookLayout.rowIDKey,
                width: 20))
        return plans
    }

    /// The widest a column gets, in characters.
    static let maximumWidth = 60

    /// A width that fits the title (and its filter button) and the longest value, within 8 and 60 characters.
    static func width(of field: FieldSpec, rows: [Record]) -> Double {
        var longest = field.title.count + 3
        if case .date = field.type { longest = max(longest, 11) }
        for record in rows {
            guard let value = record[field.key] else { continue }
            let text = value.canonicalText
            // A text has at most as many characters as UTF-8 bytes: most are shorter than the longest so far.
            guard text.utf8.count > longest else { continue }
            longest = max(longest, text.count)
            if longest + 1 >= maximumWidth { break }
        }
        return Double(min(maximumWidth, max(8, longest + 1)))
    }

    /// The data validation of the column's data cells, from the schema.
    func validation(cell first: CellAddress) -> DataValidation? {
        guard let field else { return nil }
        var validation = DataValidation(rule: .any)
        validation.inputTitle = field.title
        validation.inputMessage = FieldGuide.accepts(field)
        validation.errorTitle = field.title
        switch field.type {
        case .enumeration(let domain):
            validation.rule = .list(formula: "=" + WorkbookLayout.listName(of: domain))
            validation.errorMessage = "Pick one of: \(domain.values.joined(separator: ", "))."
        case .reference(let table):
            validation.rule = .list(formula: "=" + WorkbookLayout.idsName(of: table))
            validation.errorStyle = .warning
            validation.errorMessage =
                "This is not an id on the \(DatasetSchema.table(table).title) sheet. Keep it only if you add that row too."
        case .number:
            validation.rule = .decimal(minimum: field.minimum ?? -1e15, maximum: field.maximum ?? 1e15)
            validation.errorMessage = FieldGuide.shape(field)
        case .date:
            let cell = first.description
            validation.rule = .formula(
                "=OR(ISNUMBER(\(cell)),AND(ISTEXT(\(cell)),OR(LEN(\(cell))=4,LEN(\(cell))=7,LEN(\(cell))=10),ISNUMBER(VALUE(LEFT(\(cell),4)))))"
            )
            validation.errorStyle = .warning
            validation.errorMessage = FieldGuide.shape(field)
        case .text:
            if let maxLength = field.maxLength {
                validation.rule = .length(maximum: maxLength)
                validation.errorMessage = "At most \(maxLength) characters (Unicode code points)."
            }
        case .list:
            break
        }
        return validation
    }
}
