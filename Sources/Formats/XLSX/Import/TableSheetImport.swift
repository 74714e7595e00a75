import RegionSchema

/// Reads the rows of one table sheet as they stream past: the first non-empty row is the header, each later row a
/// record, every cell located (`Memberships!D7`) and every problem reported.
final class TableSheetImport {
    let table: TableSpec
    let sheet: String
    private let file: String
    private let comments: SheetComments
    private let exportedColumns: [ExportRecord.Column]
    /// The rows of the table at export, by id, when the workbook carries them.
    private let exportedRows: [String: Record]?
    private let interpreter: CellInterpreter

    private(set) var header: HeaderMap?
    private(set) var headerRow = 0
    private(set) var records: [Record] = []
    private(set) var findings: [Finding] = []
    /// The row that first carried each row id.
    private var claimedRowIDs: [String: Int] = [:]
    private var reportedUntitled: Set<Int> = []

    init(
        table: TableSpec, sheet: String, file: String, comments: SheetComments, exportedColumns: [ExportRecord.Column],
        exportedRows: [String: Record]?, interpreter: CellInterpreter
    ) {
        self.table = table
        self.sheet = sheet
        self.file = file
        self.comments = comments
        self.exportedColumns = exportedColumns
        self.exportedRows = exportedRows
        self.interpreter = interpreter
    }

    /// Whether the header row names the table's key field.
    var hasKeyColumn: Bool { header?.columns[table.primaryKey] != nil }

    private lazy var sheetPrefix = WorkbookLayout.sheetPrefix(sheet)
    private var letters: [Int: String] = [:]

    private func location(_ row: Int, _ column: Int) -> Location {
        let columnLetters: String
        if let known = letters[column] {
            columnLetters = known
        } else {
            columnLetters = CellAddress.letters(of: column)
            letters[column] = columnLetters
        }
        return Location(file: file, cell: sheetPrefix + columnLetters + String(row))
    }

    /// Takes the next row of the sheet.
    func take(_ row: SheetRow) {
        guard let header else {
            let map = HeaderMap(
                table: table, sheet: sheet, header: row, comments: comments, exported: exportedColumns, file: file)
            header = map
            headerRow = row.number
            findings += map.findings
            reportMissingColumns(map)
            return
        }
        readRecord(row, header)
        if JobProgress.isDue(records.count) {
            // The rows at export are the best guess of the rows to come.
            JobProgress.report("reading the \(sheet) sheet", rows: records.count, done: records.count, total: exportedRows?.count)
        }
    }

    /// Reports after the last row: a sheet without even a header row.
    func finish() {
        JobProgress.end()
        if header == nil {
            let map = HeaderMap(
                table: table, sheet: sheet, header: SheetRow(number: 1, cells: []), comments: comments,
                exported: exportedColumns, file: file)
            header = map
            headerRow = 1
        }
    }

    private func reportMissingColumns(_ map: HeaderMap) {
        for field in table.fields where map.columns[field.key] == nil && field.key != table.primaryKey {
            findings.append(
                Finding(
                    code: "xlsx.missing-column",
                    message:
                        "\(table.id): no column holds the field '\(field.key)' (\(field.title)); without it every row would lose its values",
                    location: location(headerRow, 1),
                    hint: "put the column back (export again to see it), with the title '\(field.title)'"))
        }
        if exportedRows != nil && map.columns[WorkbookLayout.rowIDKey] == nil {
            findings.append(
                Finding(
                    code: "xlsx.missing-row-ids", severity: .warning,
                    message:
                        "\(table.id): the hidden column '\(WorkbookLayout.rowIDTitle)' is missing; rows are matched by their ids, so an edited id reads as a removed and an added row",
                    location: location(headerRow, 1)))
        }
    }

    private func readRecord(_ row: SheetRow, _ map: HeaderMap) {
        var cells: [String: SheetCell] = [:]
        for cell in row.cells {
            if let key = map.keys[cell.address.column] {
                cells[key] = cell
            } else if !map.unknownColumns.contains(cell.address.column), !Self.isBlank(cell),
                !reportedUntitled.contains(cell.address.column)
            {
                reportedUntitled.insert(cell.address.column)
                findings.append(
                    Finding(
                        code: "xlsx.unknown-column", severity: .warning,
                        message:
                            "\(table.id): column \(CellAddress.letters(of: cell.address.column)) has values but no title; they are not imported",
                        location: location(row.number, cell.address.column), hint: "give the column the title of a field, or clear it"))
            }
        }
        let rowID = cells.removeValue(forKey: WorkbookLayout.rowIDKey).flatMap(Self.text(of:))
        guard cells.values.contains(where: { !Self.isBlank($0) }) else {
            if let rowID, !rowID.isEmpty {
                findings.append(
                    Finding(
                        code: "xlsx.cleared-row", severity: .warning,
                        message: "\(table.id): the row is empty but for its row id '\(rowID)'; it is read as removed",
                        location: location(row.number, 1), hint: "delete whole rows rather than clearing their cells"))
            }
            return
        }

        var record = Record(location: location(row.number, 1))
        var exported: Record?
        if let rowID, !rowID.isEmpty {
            if let first = claimedRowIDs[rowID] {
                findings.append(
                    Finding(
                        code: "xlsx.copied-row", severity: .warning,
                        message: "\(table.id): row \(first) already carries the row id '\(rowID)'; this row is read as a new row",
                        location: location(row.number, map.columns[WorkbookLayout.rowIDKey] ?? 1),
                        hint: "when you copy a row, clear the copy's '\(WorkbookLayout.rowIDTitle)' cell"))
            } else if let exportedRows, exportedRows[rowID] == nil {
                findings.append(
                    Finding(
                        code: "xlsx.unknown-row-id", severity: .warning,
                        message: "\(table.id): the row id '\(rowID)' was not exported on this sheet; the row is read as a new row",
                        location: location(row.number, map.columns[WorkbookLayout.rowIDKey] ?? 1)))
                claimedRowIDs[rowID] = row.number
            } else {
                claimedRowIDs[rowID] = row.number
                record.baseID = rowID
                exported = exportedRows?[rowID]
            }
        }
        for field in table.fields {
            guard let column = map.columns[field.key] else {
                record.unreadable.insert(field.key)
                continue
            }
            let place = location(row.number, column)
            record.fieldLocations[field.key] = place
            guard let cell = cells[field.key] else { continue }
            let outcome = interpreter.read(cell, field: field, location: place, exported: exported?[field.key])
            findings += outcome.findings
            if let value = outcome.value { record[field.key] = value }
            if outcome.unreadable { record.unreadable.insert(field.key) }
        }
        records.append(record)
    }

    private static func isBlank(_ cell: SheetCell) -> Bool {
        if case .text(let text) = cell.content, cell.formula == nil {
            return CellInterpreter.cleanedSpaces(text).isEmpty
        }
        return false
    }

    private static func text(of cell: SheetCell) -> String? {
        switch cell.content {
        case .text(let text): return CellInterpreter.cleanedSpaces(text)
        case .number(let number): return Value.format(number)
        default: return nil
        }
    }
}
