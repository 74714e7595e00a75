import RegionKit

/// Reads the CSV file of one table into records, one row at a time, with a located finding for every problem.
///
/// Columns are matched by their header (a field's key, or its title as a workbook sheet has it, ignoring case and
/// spaces), so their order does not matter; a workbook's row-id column is skipped. Tolerated with a warning: a missing
/// final line break, blank lines, columns in another order than the schema's, a column without header or
/// values, a missing non-key column. Refused with an error: an unknown or duplicate column, a missing `id`
/// column, a row with another number of fields than the header, a cell that is not of its field's type.
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

    /// What a column of the file is.
    private enum Column {
        case field(FieldSpec)
        case ignored
        case unnamed
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
        guard let columns = readHeader(header, choice: choice, findings: &result.findings) else { return result }
        try readRows(reader, columns: columns, header: header, choice: choice, into: &result)
        result.findings += reader.warnings
        return result
    }

    // MARK: Header

    private func readHeader(_ header: CSVRecord, choice: DialectChoice, findings: inout [Finding]) -> [Column]? {
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
        var columns: [Column] = []
        var seen: [String: Int] = [:]
        var titled: [String] = []
        for (index, cell) in header.cells.enumerated() {
            let text = cell.text
            let at = location(line: cell.line, column: index + 1)
            if text.isEmpty {
                columns.append(.unnamed)
            } else if let field = spec.field(forHeader: text) {
                if let first = seen[field.key] {
                    findings.append(
                        Finding(
                            code: "csv.duplicate-column",
                            message: text == field.key
                                ? "\(spec.id): the column '\(text)' appears twice (first as column \(first + 1))"
                                : "\(spec.id): the column '\(text)' is the field '\(field.key)' again (first as column \(first + 1))",
                            location: at, hint: "remove or rename one of them"))
                    columns.append(.ignored)
                } else {
                    seen[field.key] = index
                    columns.append(.field(field))
                    if text != field.key { titled.append("'\(text)' as \(field.key)") }
                }
            } else if RowIDColumn.isNamed(by: text) {
                findings.append(
                    Finding(
                        code: "csv.row-id-column", severity: .note,
                        message:
                            "\(spec.id): the column '\(text)' holds a workbook's row ids at export; CSV rows are matched by their '\(spec.primaryKey)', so it is not read",
                        location: at))
                columns.append(.ignored)
            } else {
                findings.append(
                    Finding(
                        code: "csv.unknown-column", message: "\(spec.id): unknown column '\(text)'", location: at,
                        hint: Suggestion.hint(for: text, in: spec.keys)
                            ?? "the columns of \(spec.id) are: \(spec.keys.joined(separator: ", "))"))
                columns.append(.ignored)
            }
        }
        if !titled.isEmpty {
            findings.append(
                Finding(
                    code: "csv.column-title", severity: .note,
                    message:
                        "\(spec.id): columns named by title or in another spelling are read as the fields they name: \(titled.joined(separator: ", "))",
                    location: location(line: header.line, column: 1), hint: "the keys are: \(headerRow(choice.dialect))"))
        }
        let key = spec.primaryKey
        guard seen[key] != nil else {
            findings.append(
                Finding(
                    code: "csv.missing-key",
                    message: "\(spec.id): the file has no '\(key)' column, so its rows cannot be matched; none is read",
                    location: location(line: header.line, column: 1), hint: "the header row is: \(headerRow(choice.dialect))"))
            return nil
        }
        let missing = spec.keys.filter { seen[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            findings.append(
                Finding(
                    code: "csv.missing-column", severity: .warning,
                    message:
                        "\(spec.id): the column\(missing.count == 1 ? "" : "s") \(names) \(missing.count == 1 ? "is" : "are") missing; \(missing.count == 1 ? "its" : "their") values are read as empty",
                    location: location(line: header.line, column: 1)))
        }
        let order = seen.sorted { $0.value < $1.value }.map(\.key)
        if order != spec.keys.filter({ seen[$0] != nil }) {
            findings.append(
                Finding(
                    code: "csv.column-order", severity: .warning,
                    message: "\(spec.id): the columns are in another order than the schema's; they are matched by their header",
                    location: location(line: header.line, column: 1), hint: "the schema's order is: \(spec.keys.joined(separator: ", "))"))
        }
        return columns
    }

    // MARK: Rows

    private func readRows(
        _ reader: CSVReader, columns: [Column], header: CSVRecord, choice: DialectChoice, into result: inout Outcome
    ) throws(RegionKitError) {
        let codec = CellCodec(dialect: choice.dialect)
        var blankLines: [Int] = []
        var filledUnnamed: Set<Int> = []
        var lastLine = header.line
        while let row = try reader.next() {
            lastLine = row.line
            if row.isEmpty {
                blankLines.append(row.line)
                continue
            }
            for line in blankLines { result.findings.append(blankLine(line, trailing: 0)) }
            blankLines.removeAll()
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
            }
            var record = Record(location: location(line: row.line, column: 1))
            for (index, column) in columns.enumerated() {
                switch column {
                case .ignored:
                    continue
                case .unnamed:
                    if index < row.cells.count, !row.cells[index].text.isEmpty, filledUnnamed.insert(index).inserted {
                        result.findings.append(
                            Finding(
                                code: "csv.unknown-column", message: "\(spec.id): column \(index + 1) has values but no header",
                                location: location(line: row.cells[index].line, column: index + 1),
                                hint: "give it a header from: \(spec.keys.joined(separator: ", ")); or remove it"))
                    }
                case .field(let field):
                    // Cells of a row with too few or too many fields are out of place: only its id is read.
                    guard index < row.cells.count, !misaligned || field.key == spec.primaryKey else {
                        record.unreadable.insert(field.key)
                        record.fieldLocations[field.key] = location(line: row.line, column: index + 1)
                        continue
                    }
                    read(
                        row.cells[index], column: index + 1, field: field, codec: codec, choice: choice, into: &record,
                        findings: &result.findings)
                }
            }
            result.records.append(record)
            if JobProgress.isDue(result.records.count) {
                JobProgress.report(
                    "reading \(spec.id).csv", rows: result.records.count, done: reader.bytesRead, total: reader.fileSize)
            }
        }
        JobProgress.end()
        if !blankLines.isEmpty {
            result.findings.append(blankLine(blankLines[0], trailing: blankLines.count))
        }
        for (index, column) in columns.enumerated() {
            if case .unnamed = column, !filledUnnamed.contains(index) {
                result.findings.append(
                    Finding(
                        code: "csv.empty-column", severity: .warning,
                        message: "\(spec.id): column \(index + 1) has no header and no values; it is skipped",
                        location: location(line: header.cells[index].line, column: index + 1)))
            }
        }
        if reader.endsWithoutLineBreak {
            result.findings.append(
                Finding(
                    code: "csv.final-line-break", severity: .warning, message: "the last line has no line break; it is read all the same",
                    location: location(line: lastLine, column: 1)))
        }
    }

    private func read(
        _ cell: CSVCell, column: Int, field: FieldSpec, codec: CellCodec, choice: DialectChoice,
        into record: inout Record, findings: inout [Finding]
    ) {
        let at = location(line: cell.line, column: column)
        record.fieldLocations[field.key] = at
        guard !cell.text.isEmpty else { return }
        if !choice.alternatives.isEmpty, field.type != .number, FormulaGuard.isGuarded(cell.text) {
            let names = ([choice.dialect] + choice.alternatives).map(\.name)
            findings.append(
                Finding(
                    code: "csv.dialect-ambiguous",
                    message:
                        "\(field.key): the cell starts with ', which dialect excel drops as a formula guard and rfc4180 keeps, and the file could be in either (\(choice.reason ?? ""))",
                    location: at, hint: "choose one with --dialect: \(names.joined(separator: " or "))"))
            record.unreadable.insert(field.key)
            return
        }
        switch codec.value(of: cell.text, field: field) {
        case .success(let value):
            record[field.key] = value
            if case .number(let number) = value, let held = NumberPrecision.loss(in: codec.plainNumber(cell.text), readAs: number) {
                findings.append(
                    Finding(
                        code: "schema.precision", severity: .warning,
                        message: NumberPrecision.message(field: field.key, text: cell.text, readAs: held), location: at,
                        hint: NumberPrecision.hint(readAs: held)))
            }
        case .failure(let error):
            let code = field.type == .date ? "schema.date" : (field.type.isList ? "csv.list" : "schema.type")
            findings.append(Finding(code: code, message: "\(field.key): \(error.message)", location: at))
            record.unreadable.insert(field.key)
        }
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

    private func headerRow(_ dialect: CSVDialect) -> String {
        spec.keys.joined(separator: String(Character(Unicode.Scalar(dialect.delimiter))))
    }
}
