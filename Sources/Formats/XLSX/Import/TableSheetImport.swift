import RegionKit

/// Reads the rows of one table sheet as they stream past: the first non-empty row is the header, each later row a
/// record, every cell located (`Memberships!D7`) and every problem reported.
///
/// The header and the rows are read as in every tabular format (`TableHeader`, `TableRows`); what is the
/// workbook's own is here and in `CellInterpreter`: title comments and the columns at export, the hidden row-id
/// column, cleared and copied rows, and typed cells.
final class TableSheetImport {
    let table: TableSpec
    let sheet: String
    private let file: String
    private let comments: SheetComments
    private let exportedColumns: [ExportRecord.Column]
    /// The rows of the table at export, by id, when the workbook carries them.
    private let exportedRows: [String: Record]?
    private let interpreter: CellInterpreter

    private(set) var header: TableHeader?
    private var rows: TableRows<SheetCell>?
    private(set) var headerRow = 0
    private(set) var records: [Record] = []
    private var ownFindings: [Finding] = []
    /// The row that first carried each row id.
    private var claimedRowIDs: [String: Int] = [:]

    /// Every finding about the sheet: its header's, its rows' and its cells'.
    var findings: [Finding] { (header?.findings ?? []) + ownFindings + (rows?.findings ?? []) }

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
    var hasKeyColumn: Bool { header?.hasKeyColumn ?? false }

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
        guard header != nil else {
            readHeader(row)
            return
        }
        readRecord(row)
        if JobProgress.isDue(records.count) {
            // The rows at export are the best guess of the rows to come.
            JobProgress.report("reading the \(sheet) sheet", rows: records.count, done: records.count, total: exportedRows?.count)
        }
    }

    /// Reports after the last row: a sheet without even a header row.
    func finish() {
        JobProgress.end()
        if header == nil { readHeader(SheetRow(number: 1, cells: [])) }
        rows?.finish { self.location(headerRow, $0) }
    }

    private func readHeader(_ row: SheetRow) {
        var cells: [TableHeader.Cell] = []
        var columns: Set<Int> = []
        for cell in row.cells {
            let text: String
            switch cell.content {
            case .text(let title): text = title
            case .number(let number): text = Value.format(number)
            default: text = ""
            }
            cells.append(TableHeader.Cell(column: cell.address.column, text: text, key: comments[cell.address]))
            columns.insert(cell.address.column)
        }
        // A comment may sit on a header cell that has no text.
        for (address, key) in comments.keys where address.row == row.number && !columns.contains(address.column) {
            cells.append(TableHeader.Cell(column: address.column, text: "", key: key))
        }
        var exportedKeys: [Int: String] = [:]
        for column in exportedColumns where column.sheet == sheet {
            if let number = CellAddress.column(ofLetters: column.letter) { exportedKeys[number] = column.key }
        }
        headerRow = row.number
        let map = TableHeader(
            table: table, cells: cells,
            options: .init(naming: .titles, exportedKeys: exportedKeys, fileName: "the \(sheet) sheet"),
            locate: { self.location(row.number, $0) })
        header = map
        rows = TableRows(header: map)
        if exportedRows != nil && map.hasKeyColumn && map.columnOfKey[WorkbookLayout.rowIDKey] == nil {
            ownFindings.append(
                Finding(
                    code: "xlsx.missing-row-ids", severity: .warning,
                    message:
                        "\(table.id): the hidden column '\(WorkbookLayout.rowIDTitle)' is missing; rows are matched by their ids, so an edited id reads as a removed and an added row",
                    location: location(headerRow, 1)))
        }
    }

    private func readRecord(_ row: SheetRow) {
        // Taken out while the row is read, so that its findings are not copied.
        guard var rows = self.rows.take() else { return }
        defer { self.rows = rows }
        var cells: [Int: SheetCell] = [:]
        for cell in row.cells { cells[cell.address.column] = cell }
        // The row's values at export, found by its row id, tell an unchanged value from an edit at Excel's precision.
        var exported: Record?
        var rowID: String?
        if let column = rows.header.columnOfKey[WorkbookLayout.rowIDKey], let cell = cells[column] {
            rowID = Self.text(of: cell).flatMap { $0.isEmpty ? nil : $0 }
            if let rowID, claimedRowIDs[rowID] == nil { exported = exportedRows?[rowID] }
        }
        let read = rows.read(
            cells, location: location(row.number, 1), locate: { self.location(row.number, $0) }, isBlank: Self.isBlank,
            read: { cell, field, place in
                let outcome = self.interpreter.read(cell, field: field, location: place, exported: exported?[field.key])
                return CellText.Reading(value: outcome.value, findings: outcome.findings, unreadable: outcome.unreadable)
            })
        guard var record = read else {
            if let rowID {
                ownFindings.append(
                    Finding(
                        code: "xlsx.cleared-row", severity: .warning,
                        message: "\(table.id): the row is empty but for its row id '\(rowID)'; it is read as removed",
                        location: location(row.number, 1), hint: "delete whole rows rather than clearing their cells"))
            }
            return
        }
        if let rowID {
            let rowIDColumn = rows.header.columnOfKey[WorkbookLayout.rowIDKey] ?? 1
            if let first = claimedRowIDs[rowID] {
                ownFindings.append(
                    Finding(
                        code: "xlsx.copied-row", severity: .warning,
                        message: "\(table.id): row \(first) already carries the row id '\(rowID)'; this row is read as a new row",
                        location: location(row.number, rowIDColumn),
                        hint: "when you copy a row, clear the copy's '\(WorkbookLayout.rowIDTitle)' cell"))
            } else if let exportedRows, exportedRows[rowID] == nil {
                ownFindings.append(
                    Finding(
                        code: "xlsx.unknown-row-id", severity: .warning,
                        message: "\(table.id): the row id '\(rowID)' was not exported on this sheet; the row is read as a new row",
                        location: location(row.number, rowIDColumn)))
                claimedRowIDs[rowID] = row.number
            } else {
                claimedRowIDs[rowID] = row.number
                record.baseID = rowID
            }
        }
        records.append(record)
    }

    private static func isBlank(_ cell: SheetCell) -> Bool {
        if case .text(let text) = cell.content, cell.formula == nil {
            return CellText.trimmed(text).isEmpty
        }
        return false
    }

    private static func text(of cell: SheetCell) -> String? {
        switch cell.content {
        case .text(let text): return CellText.trimmed(text)
        case .number(let number): return Value.format(number)
        default: return nil
        }
    }
}
