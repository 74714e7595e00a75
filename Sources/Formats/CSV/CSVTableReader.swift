import RegionKit

/// Reads the CSV file of one table into records, one row at a time, with a located finding for every problem.
///
/// What is CSV's own is here: bytes, dialects, the formula guard, blank lines, rows with another number of fields
/// than the header. The header row and the cells are read as in every tabular format, by `TableHeader`,
/// `TableRows` and `CellText`: columns are matched by their header in any order, a missing column is an error, an
/// unknown one a warning. A workbook's row-id column is skipped with a note: CSV rows are matched by their key.
struct CSVTableReader {
    /// The table the file holds.
    let spec: TableSpec
    /// Where the file is.
    let path: String
    /// The file as named in findings.
    let file: String
    /// The dialect the user gave, or nil to detect it.
    let dialect: CSVDialect?

    /// What reading the file gave.
    struct Outcome {
        var records: [Record] = []
        var findings: [Finding] = []
        var choice: DialectChoice
    }

    func read() throws(RegionKitError) -> Outcome {
        let reader = try CSVReader(path: path, file: file)
        let choice: DialectChoice
        if let dialect {
            choice = .given(dialect)
        } else {
            let preview = try reader.headerPreview()
            // An empty file has no header to tell the dialect from; it is reported as empty below.
            choice =
                preview.isEmpty
                ? .given(.standard)
                : try DialectChoice.detect(preview, byteOrderMark: reader.byteOrderMarks > 0, file: file)
        }
        reader.delimiter = choice.dialect.delimiter
        var result = Outcome(choice: choice)
        if reader.byteOrderMarks > 1 {
            result.findings.append(
                Finding(
                    code: "csv.byte-order-mark", severity: .warning,
                    message: "the file starts with \(reader.byteOrderMarks) byte order marks; all are skipped",
                    location: location(line: 1, column: 1)))
        }
        guard let header = try reader.next() else {
            result.findings.append(
                Finding(
                    code: "csv.empty", message: "\(spec.id): the file is empty; it needs at least the header row",
                    location: location(line: 1, column: 1), hint: "the header row is: \(headerRow(choice.dialect))"))
            return result
        }
        guard let map = readHeader(header, choice: choice, findings: &result.findings) else { return result }
        try readRows(reader, header: map, header: header, choice: choice, into: &result)
        result.findings += reader.warnings
        return result
    }

    // MARK: Header

    private func readHeader(_ header: CSVRecord, choice: DialectChoice, findings: inout [Finding]) -> TableHeader? {
        if header.cells.count == 1, spec.fields.count > 1 {
            let text = header.cells[0].text
            let separators = [",", ";", "\t"].filter { text.contains($0) }
            if !separators.isEmpty {
                findings.append(
                    Finding(
                        code: "csv.dialect",
                        message:
                            "the header row is a single column: the file is not separated by '\(Character(Unicode.Scalar(choice.dialect.delimiter)))' as dialect \(choice.dialect) is",
                        location: location(line: header.line, column: 1),
                        hint: "choose the file's dialect with --dialect: \(CSVDialect.names)"))
                return nil
            }
        }
        let cells = header.cells.enumerated().map { index, cell in TableHeader.Cell(column: index + 1, text: cell.text) }
        let map = TableHeader(
            table: spec, cells: cells, options: .init(naming: .keys, fileName: fileName),
            locate: { location(line: header.line, column: $0) })
        findings += map.findings
        if let column = map.columnOfKey[RowIDColumn.key] {
            findings.append(
                Finding(
                    code: "csv.row-id-column", severity: .note,
                    message:
                        "\(spec.id): the column '\(header.cells[column - 1].text)' holds a workbook's row ids at export; CSV rows are matched by their '\(spec.primaryKey)', so it is not read",
                    location: location(line: header.line, column: column)))
        }
        return map.hasKeyColumn ? map : nil
    }

    // MARK: Rows

    private func readRows(
        _ reader: CSVReader, header map: TableHeader, header: CSVRecord, choice: DialectChoice, into result: inout Outcome
    ) throws(RegionKitError) {
        let codec = CellCodec(dialect: choice.dialect)
        var rows = TableRows<CSVCell>(header: map)
        var blankLines: [Int] = []
        var lastLine = header.line
        while let row = try reader.next() {
            lastLine = row.line
            if row.isEmpty {
                blankLines.append(row.line)
                continue
            }
            for line in blankLines { result.findings.append(blankLine(line, trailing: 0)) }
            blankLines.removeAll()
            var cells: [Int: CSVCell] = [:]
            let misaligned = row.cells.count != header.cells.count
            if misaligned {
                let fewer = row.cells.count < header.cells.count
                result.findings.append(
                    Finding(
                        code: "csv.field-count",
                        message:
                            "\(spec.id): the row has \(row.cells.count) field\(row.cells.count == 1 ? "" : "s"); the header has \(header.cells.count)",
                        location: location(line: row.line, column: min(row.cells.count, header.cells.count) + (fewer ? 0 : 1)),
                        hint: fewer
                            ? "a separator is missing"
                            : "a cell holding '\(Character(Unicode.Scalar(choice.dialect.delimiter)))' must be in double quotes"))
                // Cells of a row with too few or too many fields are out of place: only its key is read.
                if let key = map.columnOfKey[spec.primaryKey], key <= row.cells.count { cells[key] = row.cells[key - 1] }
            } else {
                for (index, cell) in row.cells.enumerated() { cells[index + 1] = cell }
            }
            let read = rows.read(
                cells, location: location(line: row.line, column: 1),
                locate: { column in location(line: cells[column]?.line ?? row.line, column: column) },
                isBlank: { $0.text.isEmpty },
                read: { cell, field, at in self.read(cell, field: field, at: at, codec: codec, choice: choice) })
            guard var record = read else {
                result.findings.append(blankLine(row.line, trailing: 0))
                continue
            }
            if misaligned {
                for field in spec.fields where field.key != spec.primaryKey { record.unreadable.insert(field.key) }
            }
            result.records.append(record)
            if JobProgress.isDue(result.records.count) {
                JobProgress.report(
                    "reading \(spec.id).csv", rows: result.records.count, done: reader.bytesRead, total: reader.fileSize)
            }
        }
        JobProgress.end()
        rows.finish { column in location(line: header.cells[column - 1].line, column: column) }
        result.findings += rows.findings
        if !blankLines.isEmpty {
            result.findings.append(blankLine(blankLines[0], trailing: blankLines.count))
        }
        if reader.endsWithoutLineBreak {
            result.findings.append(
                Finding(
                    code: "csv.final-line-break", severity: .warning, message: "the last line has no line break; it is read all the same",
                    location: location(line: lastLine, column: 1)))
        }
    }

    private func read(_ cell: CSVCell, field: FieldSpec, at: Location, codec: CellCodec, choice: DialectChoice) -> CellText.Reading {
        if !choice.alternatives.isEmpty, field.type != .number, FormulaGuard.isGuarded(cell.text) {
            let names = ([choice.dialect] + choice.alternatives).map(\.name)
            return CellText.Reading(
                findings: [
                    Finding(
                        code: "csv.dialect-ambiguous",
                        message:
                            "\(field.key): the cell starts with ', which dialect excel drops as a formula guard and rfc4180 keeps, and the file could be in either (\(choice.reason ?? ""))",
                        location: at, hint: "choose one with --dialect: \(names.joined(separator: " or "))")
                ], unreadable: true)
        }
        return codec.read(cell.text, field: field, location: at)
    }

    // MARK: Helpers

    private func blankLine(_ line: Int, trailing: Int) -> Finding {
        let message =
            trailing == 0
            ? "a blank row is skipped"
            : (trailing == 1
                ? "a blank line at the end of the file is skipped" : "\(trailing) blank lines at the end of the file are skipped")
        return Finding(code: "csv.blank-line", severity: .warning, message: message, location: location(line: line, column: 1))
    }

    private func location(line: Int, column: Int) -> Location {
        Location(file: file, line: line, column: column)
    }

    /// The file's name, without its folder.
    private var fileName: String { String(file.split(separator: "/").last ?? Substring(file)) }

    private func headerRow(_ dialect: CSVDialect) -> String {
        spec.keys.joined(separator: String(Character(Unicode.Scalar(dialect.delimiter))))
    }
}
