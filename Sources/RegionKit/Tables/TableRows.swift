/// Turns the rows of a table file into records, once its header is resolved: every field read from its column,
/// every value located at its cell, cells under an untitled column reported.
///
/// Formats hand each row's cells by 1-based column and say how one cell reads as a field's value: a text cell
/// through `CellText`, a format's own typed cells (a workbook's numbers and dates) their own way.
public struct TableRows<Cell> {
    /// The resolved header row.
    public let header: TableHeader
    /// Findings about the rows so far (each cell's own findings included).
    public private(set) var findings: [Finding] = []
    private var reportedUntitled: Set<Int> = []
    private var filledUntitled: Set<Int> = []

    public init(header: TableHeader) {
        self.header = header
    }

    /// Reads one row: its record, or nil when every field's cell is blank (the row-id column's cell aside, which
    /// the format reads itself). `cells` are the row's cells by 1-based column; `location` is where the row starts;
    /// `locate` names a cell by its column; `isBlank` tells an empty cell; `read` reads a field's cell as its value.
    public mutating func read(
        _ cells: [Int: Cell], location: Location, locate: (Int) -> Location, isBlank: (Cell) -> Bool,
        read: (Cell, FieldSpec, Location) -> CellText.Reading
    ) -> Record? {
        var filled = false
        for (column, cell) in cells where !isBlank(cell) {
            switch header.columns[column] {
            case .field?: filled = true
            case .rowID?, .ignored?: break
            case .untitled?, nil:
                filledUntitled.insert(column)
                if reportedUntitled.insert(column).inserted {
                    findings.append(
                        Finding(
                            code: "table.untitled-column", severity: .warning,
                            message:
                                "\(header.table.id): column \(TableHeader.columnName(column)) has values but no header; they are not imported",
                            location: locate(column),
                            hint: "give the column the header of a field (\(TableHeader.header(header.table, .keys))), or clear it"))
                }
            }
        }
        guard filled else { return nil }
        var record = Record(location: location)
        for field in header.table.fields {
            guard let column = header.columnOfKey[field.key] else {
                record.unreadable.insert(field.key)
                continue
            }
            let place = locate(column)
            record.fieldLocations[field.key] = place
            guard let cell = cells[column], !isBlank(cell) else { continue }
            let reading = read(cell, field, place)
            findings += reading.findings
            if let value = reading.value { record[field.key] = value }
            if reading.unreadable { record.unreadable.insert(field.key) }
        }
        return record
    }

    /// Reports after the last row: untitled columns that held no value are skipped with a note.
    public mutating func finish(locate: (Int) -> Location) {
        for (column, kind) in header.columns.sorted(by: { $0.key < $1.key }) where kind == .untitled {
            guard !filledUntitled.contains(column) else { continue }
            findings.append(
                Finding(
                    code: "table.empty-column", severity: .note,
                    message: "\(header.table.id): column \(TableHeader.columnName(column)) has no header and no values; it is skipped",
                    location: locate(column)))
        }
    }
}
