/// Which field each column of a table file holds, found from its header row, with a finding for every problem.
///
/// Every tabular importer (a CSV file, a workbook sheet, an in-process format for another kind of table) resolves
/// its header row here, so a column means the same in each. A column is known, in this order:
/// 1. by the key its header cell names outside its text (a workbook title's comment `regionkit key: status`, which
///    moves with the column and survives an edited title);
/// 2. by its header text: the field's key or its title, ignoring case, spaces and underscores (`Capital latitude`,
///    `capital_latitude`); or the row-id column a spreadsheet export adds (`Row id at export`);
/// 3. for a column whose header was edited, by the field the same column held at export, when the file says so.
///
/// What the header can say, and what it means:
///
/// | situation | code | severity |
/// | --- | --- | --- |
/// | a column names no field | `table.unknown-column` | warning: its cells are not imported |
/// | two columns name one field | `table.duplicate-column` | error: the second is not imported |
/// | a field has no column | `table.missing-column` | error: without it every row would lose the field's values |
/// | the key field has no column | `table.missing-key` | error: no row can be matched |
/// | a column is named by title where the format writes keys, or the other way round | `table.column-title` | note |
/// | a column is read as the field it held at export | `table.renamed-column` | note |
/// | no header text names a field, though attached keys name the columns (data pasted over the header) | `table.header-overwritten` | error |
/// | columns in another order than the schema's | — | none: columns are matched by their header |
/// | a column has no header | — | its cells are checked by `TableRows`: values there are `table.untitled-column` |
///
/// A field's column is never dropped silently: to empty a field, keep its column with empty cells.
public struct TableHeader: Sendable {
    /// One cell of the header row.
    public struct Cell: Sendable {
        /// The 1-based column.
        public var column: Int
        /// The cell's text, as the file has it.
        public var text: String
        /// A field key the file attaches to the column outside its text, such as a workbook title's comment.
        public var key: String?

        public init(column: Int, text: String, key: String? = nil) {
            self.column = column
            self.text = text
            self.key = key
        }
    }

    /// What a column holds.
    public enum Column: Sendable, Equatable {
        /// A field of the table.
        case field(FieldSpec)
        /// The row id a spreadsheet export gave each row (`RowIDColumn`).
        case rowID
        /// A column whose cells are not imported: unknown or duplicate (a finding says which).
        case ignored
        /// A column whose header cell is empty.
        case untitled
    }

    /// How a format names its columns.
    public enum Naming: Sendable {
        /// By field key (`capital_latitude`), as CSV files do.
        case keys
        /// By field title (`Capital latitude`), as workbook sheets do.
        case titles
    }

    /// How the header is read.
    public struct Options: Sendable {
        /// How the format writes its header, so that a column named the other way gets a note.
        public var naming: Naming
        /// The field key each 1-based column held at export, when the file records it; a column whose header
        /// names nothing is read as that field, with a note.
        public var exportedKeys: [Int: String]
        /// What the file is called in messages (`indicators.csv`, the `Indicators` sheet).
        public var fileName: String

        public init(naming: Naming, exportedKeys: [Int: String] = [:], fileName: String) {
            self.naming = naming
            self.exportedKeys = exportedKeys
            self.fileName = fileName
        }
    }

    /// The table the header belongs to.
    public let table: TableSpec
    /// What each 1-based column holds; columns beyond the header are absent.
    public private(set) var columns: [Int: Column] = [:]
    /// The 1-based column of each field key, and of `RowIDColumn.key`.
    public private(set) var columnOfKey: [String: Int] = [:]
    /// Findings about the header row.
    public private(set) var findings: [Finding] = []

    /// Resolves a header row. `locate` names a header cell by its 1-based column in findings.
    public init(table: TableSpec, cells: [Cell], options: Options, locate: (Int) -> Location) {
        self.table = table
        let known = Set(table.keys)
        let ordered = cells.sorted { $0.column < $1.column }
        let first = ordered.first?.column ?? 1
        var titled: [String] = []
        var unresolved: [Cell] = []

        // 1. A key attached to the column.
        for cell in ordered {
            if let key = cell.key, known.contains(key) || key == RowIDColumn.key {
                assign(key, cell, locate)
            } else {
                unresolved.append(cell)
            }
        }
        // 2. The header text.
        var stillUnresolved: [Cell] = []
        for cell in unresolved {
            if HeaderText.normalized(cell.text).isEmpty {
                columns[cell.column] = .untitled
            } else if let field = table.field(forHeader: cell.text) {
                assign(field.key, cell, locate)
                let expected = options.naming == .keys ? field.key : field.title
                if columns[cell.column] != .ignored, cell.text != expected {
                    titled.append("'\(cell.text)' as \(field.key)")
                }
            } else if RowIDColumn.isNamed(by: cell.text) {
                assign(RowIDColumn.key, cell, locate)
            } else {
                stillUnresolved.append(cell)
            }
        }
        // 3. The field the column held at export.
        for cell in stillUnresolved {
            if let key = options.exportedKeys[cell.column], known.contains(key), columnOfKey[key] == nil {
                assign(key, cell, locate)
                findings.append(
                    Finding(
                        code: "table.renamed-column", severity: .note,
                        message:
                            "\(table.id): the column '\(cell.text)' is read as the field '\(key)', which this column held at export",
                        location: locate(cell.column),
                        hint: "keep the comment of a column's title: it names the field, wherever the column moves"))
                continue
            }
            columns[cell.column] = .ignored
            let names = options.naming == .keys ? table.keys : table.fields.map(\.title)
            findings.append(
                Finding(
                    code: "table.unknown-column", severity: .warning,
                    message:
                        "\(table.id): the column '\(cell.text)' is not a field of \(table.id); its cells are not imported",
                    location: locate(cell.column),
                    hint: Suggestion.hint(for: cell.text, in: table.fields.map(\.title) + table.keys)
                        ?? "the columns of \(table.id) are: \(names.joined(separator: ", "))"))
        }
        // A header row whose texts name no field at all, while attached keys still name its columns, is a row of
        // data pasted over the titles: its values would be read as titles and lost.
        let written = ordered.map(\.text).filter { !HeaderText.normalized($0).isEmpty }
        let named = ordered.contains { table.field(forHeader: $0.text) != nil || RowIDColumn.isNamed(by: $0.text) }
        if !written.isEmpty && !named && !columnOfKey.isEmpty {
            let shown = written.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (written.count > 3 ? ", …" : "")
            findings.append(
                Finding(
                    code: "table.header-overwritten",
                    message:
                        "\(table.id): the header row names none of the fields (it holds \(shown)); it looks overwritten by a row of data, whose values would not be imported",
                    location: locate(first),
                    hint: "put the column headers back (export again to see them), and the row of data below them"))
        }
        if !titled.isEmpty {
            let wanted = options.naming == .keys ? "keys" : "titles"
            findings.append(
                Finding(
                    code: "table.column-title", severity: .note,
                    message:
                        "\(table.id): columns named otherwise than by their \(wanted) are read as the fields they name: \(titled.joined(separator: ", "))",
                    location: locate(first),
                    hint: "the \(wanted) are: \((options.naming == .keys ? table.keys : table.fields.map(\.title)).joined(separator: ", "))"
                ))
        }
        let key = table.primaryKey
        guard columnOfKey[key] != nil else {
            let title = table.field(key)?.title ?? key
            findings.append(
                Finding(
                    code: "table.missing-key",
                    message:
                        "\(table.id): \(options.fileName) has no column for the key field '\(key)' (\(title)), so its rows cannot be matched; none is read",
                    location: locate(first),
                    hint: "the \(options.naming == .keys ? "header row is" : "columns are"): \(Self.header(table, options.naming))"))
            return
        }
        for field in table.fields where columnOfKey[field.key] == nil {
            findings.append(
                Finding(
                    code: "table.missing-column",
                    message:
                        "\(table.id): \(options.fileName) has no column for the field '\(field.key)' (\(field.title)); reading it would empty that field in every row",
                    location: locate(first),
                    hint:
                        "put the column back with the header '\(options.naming == .keys ? field.key : field.title)'; to empty the field, keep its column and clear its cells"
                ))
        }
    }

    /// Whether the header names the table's key field, so that its rows can be read.
    public var hasKeyColumn: Bool { columnOfKey[table.primaryKey] != nil }

    /// The field a column holds, if it holds one.
    public func field(at column: Int) -> FieldSpec? {
        if case .field(let field)? = columns[column] { return field }
        return nil
    }

    /// The header row a format writes for a table, its names joined with `, `.
    public static func header(_ table: TableSpec, _ naming: Naming) -> String {
        (naming == .keys ? table.keys : table.fields.map(\.title)).joined(separator: ", ")
    }

    private mutating func assign(_ key: String, _ cell: Cell, _ locate: (Int) -> Location) {
        if let first = columnOfKey[key] {
            let name = key == RowIDColumn.key ? RowIDColumn.title : key
            findings.append(
                Finding(
                    code: "table.duplicate-column",
                    message:
                        "\(table.id): the column '\(cell.text)' is the field '\(name)' again (first in column \(TableHeader.columnName(first))); its cells are not imported",
                    location: locate(cell.column), hint: "remove one of the two columns, or give the second its own header"))
            columns[cell.column] = .ignored
            return
        }
        columnOfKey[key] = cell.column
        columns[cell.column] = key == RowIDColumn.key ? .rowID : table.field(key).map(Column.field) ?? .ignored
    }

    /// A 1-based column as a person reads it in a spreadsheet: `A`, `Z`, `AA`.
    public static func columnName(_ column: Int) -> String {
        var letters: [Character] = []
        var rest = column
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: 0)
            rest = (rest - 1) / 26
        }
        return String(letters) + (column > 0 ? " (\(column))" : "")
    }
}
