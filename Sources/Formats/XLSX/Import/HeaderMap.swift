import RegionSchema

/// Which field each column of a table sheet holds, found from its header row.
///
/// A column is known, in this order, by the key in its title's comment (`regionkit key: status`), which moves with
/// the column and survives an edited title; by its title or key, ignoring case, spaces and underscores; and, for a
/// column whose title was edited and whose comment was removed, by the field its letter held at export.
struct HeaderMap {
    /// The field key (or the row-id key) of each 1-based column.
    private(set) var keys: [Int: String] = [:]
    /// The 1-based column of each key.
    private(set) var columns: [String: Int] = [:]
    /// Findings about the header: unknown, duplicate and missing columns.
    private(set) var findings: [Finding] = []
    /// Columns with a title the schema does not know; their cells are not imported.
    private(set) var unknownColumns: Set<Int> = []

    /// Resolves the header row of `table`'s sheet.
    init(
        table: TableSpec, sheet: String, header: SheetRow, comments: SheetComments, exported: [ExportRecord.Column],
        file: String
    ) {
        var titles: [Int: String] = [:]
        for cell in header.cells {
            switch cell.content {
            case .text(let text): titles[cell.address.column] = text
            case .number(let number): titles[cell.address.column] = Value.format(number)
            default: titles[cell.address.column] = ""
            }
        }
        var commentKeys: [Int: String] = [:]
        for (address, key) in comments.keys where address.row == header.number {
            commentKeys[address.column] = key
        }
        let candidates = Set(titles.keys).union(commentKeys.keys).sorted()
        let known = Set(table.keys + [WorkbookLayout.rowIDKey])
        func location(_ column: Int) -> Location {
            Location(file: file, cell: WorkbookLayout.reference(sheet, CellAddress(row: header.number, column: column)))
        }

        // 1. The key in the title's comment.
        for column in candidates {
            guard let key = commentKeys[column], known.contains(key) else { continue }
            assign(key, to: column, title: titles[column] ?? "", at: location(column))
        }
        // 2. The title (or the key) itself.
        for column in candidates where keys[column] == nil {
            guard let title = titles[column], let key = Self.key(forTitle: title, in: table) else { continue }
            assign(key, to: column, title: title, at: location(column))
        }
        // 3. The field the column's letter held at export.
        for column in candidates where keys[column] == nil && !(titles[column] ?? "").isEmpty {
            let letter = CellAddress.letters(of: column)
            guard let entry = exported.first(where: { $0.sheet == sheet && $0.letter == letter }),
                known.contains(entry.key), columns[entry.key] == nil
            else { continue }
            assign(entry.key, to: column, title: titles[column] ?? "", at: location(column))
            findings.append(
                Finding(
                    code: "xlsx.renamed-column", severity: .note,
                    message: "the column '\(titles[column] ?? "")' is read as the field '\(entry.key)', which this column held at export",
                    location: location(column),
                    hint: "keep the comment of a column's title: it names the field, wherever the column moves"))
        }
        // A header row whose titles name no field at all, while comments still name the columns, is a row of data
        // pasted over the titles: its values would be read as titles and lost.
        let written = titles.keys.sorted().compactMap { titles[$0] }.filter { !$0.trimmingSpaces.isEmpty }
        if !written.isEmpty && !written.contains(where: { Self.key(forTitle: $0, in: table) != nil }) {
            let shown = written.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (written.count > 3 ? ", …" : "")
            findings.append(
                Finding(
                    code: "xlsx.header-overwritten",
                    message:
                        "\(table.id): the header row names none of the fields (it holds \(shown)); it looks overwritten by a row of data, whose values would not be imported",
                    location: location(candidates.first ?? 1),
                    hint: "put the column titles back in row \(header.number) (export again to see them), and the row of data below them"))
        }
        for column in candidates where keys[column] == nil {
            let title = titles[column] ?? ""
            guard !title.trimmingSpaces.isEmpty else { continue }
            unknownColumns.insert(column)
            findings.append(
                Finding(
                    code: "xlsx.unknown-column", severity: .warning,
                    message: "\(table.id): the column '\(title)' is not a field of \(table.id); its cells are not imported",
                    location: location(column),
                    hint: Suggestion.hint(for: title, in: table.fields.map(\.title) + table.keys)
                        ?? "the fields are: \(table.keys.joined(separator: ", "))"))
        }
    }

    private mutating func assign(_ key: String, to column: Int, title: String, at location: Location) {
        if let first = columns[key] {
            findings.append(
                Finding(
                    code: "xlsx.duplicate-column",
                    message:
                        "the column '\(title)' is the field '\(key)' again (first in column \(CellAddress.letters(of: first))); its cells are not imported",
                    location: location, hint: "remove one of the two columns, or give the second its own title"))
            keys[column] = nil
            unknownColumns.insert(column)
            return
        }
        keys[column] = key
        columns[key] = column
    }

    /// The field key a title names, by title or key, ignoring case, spaces and underscores.
    static func key(forTitle title: String, in table: TableSpec) -> String? {
        if let field = table.field(forHeader: title) { return field.key }
        return RowIDColumn.isNamed(by: title) ? WorkbookLayout.rowIDKey : nil
    }
}
