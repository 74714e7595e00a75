import RegionKit
import RegionYAML

/// Reads a workbook back into a dataset: each table sheet streamed row by row, columns found by their keys, every
/// cell's value checked against its field, and the export record read for the merge base and the rows' export ids.
///
/// Problems in the content are findings located by cell (`Memberships!D7`); the schema rules are run by the caller.
/// Macros (in a `.xlsm`) are never read or run; a note says the workbook has them.
/// A file that is not a workbook, lacks a table sheet or a sheet's key column, or is damaged throws.
struct WorkbookImporter {
    func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
        let package = try WorkbookPackage(path: path)
        let index = try WorkbookIndex.read(package)
        let strings = try SharedStringTable.read(index.sharedStringsPart, in: package)
        let styles = try CellStyles.read(index.stylesPart, in: package)
        var findings: [Finding] = []
        if let macros = index.macroPart {
            findings.append(
                Finding(
                    code: "xlsx.macros", severity: .note,
                    message:
                        "the workbook holds macros (\(macros)); they were neither read nor run: only the cells' values are imported",
                    location: Location(file: path)))
        }

        let record = try readRecord(index, package, strings, styles, &findings)
        let base = record.flatMap { decodeBase($0, path: path, findings: &findings) }

        let sheets = try assignSheets(index, path: path, findings: &findings)
        let interpreter = CellInterpreter(dateSystem: index.dateSystem)
        var dataset = Dataset(schemaVersion: record?.schemaVersion ?? DatasetSchema.version)
        var problems: [String] = []
        for table in WorkbookLayout.tables {
            guard let sheet = sheets[table.id] else {
                problems.append("the sheet '\(WorkbookLayout.sheetName(of: table))' (table \(table.id)) is missing")
                continue
            }
            var exportedRows: [String: Record]?
            if let base {
                exportedRows = Dictionary(base[table.id].compactMap { row in row.id.map { ($0, row) } }) { first, _ in first }
            }
            let reader = TableSheetImport(
                table: table, sheet: sheet.name, file: path,
                comments: try SheetComments.read(forSheetPart: sheet.part, in: package),
                exportedColumns: record?.columns ?? [], exportedRows: exportedRows, interpreter: interpreter)
            // The XML is parsed on this thread and the rows interpreted on another.
            let handoff = Handoff(sheet: reader)
            let pipeline = RowPipeline { row in handoff.sheet.take(row) }
            let parsed = Result { () throws(RegionKitError) in
                try SheetReader.read(sheet.part, sheet: sheet.name, in: package, strings: strings, styles: styles) { row in
                    pipeline.send(row)
                }
            }
            pipeline.finish()
            try parsed.get()
            reader.finish()
            guard reader.hasKeyColumn else {
                let title = table.field(table.primaryKey)?.title ?? table.primaryKey
                problems.append(
                    "\(WorkbookLayout.reference(sheet.name, CellAddress(row: reader.headerRow, column: 1))): the sheet has no column for the key field '\(table.primaryKey)' (\(title)) in its header row"
                )
                continue
            }
            dataset[table.id] = reader.records
            findings += reader.findings
        }
        if problems.count == WorkbookLayout.tables.count && sheets.isEmpty {
            let names = WorkbookLayout.tables.map { WorkbookLayout.sheetName(of: $0) }.joined(separator: ", ")
            throw RegionKitError(
                .unsupported,
                "\(path): is not a RegionKit workbook: it has none of the sheets \(names); make one with 'regionkit export --format xlsx'")
        }
        if !problems.isEmpty {
            let tableSheets = Set(sheets.values.map(\.name))
            let ours: Set<String> = [WorkbookLayout.readmeSheet, WorkbookLayout.listsSheet, WorkbookLayout.recordSheet]
            let others = index.sheets.map(\.name).filter { !tableSheets.contains($0) && !ours.contains($0) }
            let note =
                others.isEmpty
                ? "" : " (its other sheets: \(others.map { "'\($0)'" }.joined(separator: ", ")); table sheets must keep their names)"
            throw RegionKitError(.unsupported, "\(path): cannot be imported: " + problems.joined(separator: "; ") + note)
        }
        return ImportedDataset(
            dataset: dataset, findings: Finding.sorted(findings), base: base, baseFingerprint: record?.fingerprint)
    }

    /// The export record of the hidden `_regionkit` sheet, if the workbook has a readable one.
    private func readRecord(
        _ index: WorkbookIndex, _ package: WorkbookPackage, _ strings: SharedStringTable, _ styles: CellStyles,
        _ findings: inout [Finding]
    ) throws(RegionKitError) -> ExportRecord? {
        let place = Location(file: package.path, cell: WorkbookLayout.recordSheet)
        guard let sheet = index.sheet(named: WorkbookLayout.recordSheet) else {
            findings.append(
                Finding(
                    code: "xlsx.no-export-record", severity: .note,
                    message:
                        "the workbook has no '\(WorkbookLayout.recordSheet)' sheet, so it does not say which dataset it was exported from: rows are matched by their ids, and a stale workbook cannot be merged three ways",
                    location: Location(file: package.path)))
            return nil
        }
        var rows: [[String]] = []
        try SheetReader.read(sheet.part, sheet: sheet.name, in: package, strings: strings, styles: styles) { row in
            var cells: [String] = []
            for cell in row.cells {
                while cells.count < cell.address.column - 1 { cells.append("") }
                switch cell.content {
                case .text(let text): cells.append(text)
                case .number(let number): cells.append(Value.format(number))
                default: cells.append("")
                }
            }
            rows.append(cells)
        }
        guard let record = ExportRecord(rows: rows) else {
            findings.append(
                Finding(
                    code: "xlsx.export-record", severity: .warning,
                    message:
                        "the '\(WorkbookLayout.recordSheet)' sheet lacks its schema version or fingerprint: rows are matched by their ids, and a stale workbook cannot be merged three ways",
                    location: place))
            return nil
        }
        guard record.layout == WorkbookLayout.version else {
            throw RegionKitError(
                .unsupported,
                "\(package.path): the workbook's layout version is '\(record.layout)'; this regionkit reads version \(WorkbookLayout.version)"
            )
        }
        if record.schemaVersion != DatasetSchema.version {
            findings.append(
                Finding(
                    code: "schema.version",
                    message:
                        "the workbook was exported with schema version '\(record.schemaVersion)'; this RegionKit reads version \(DatasetSchema.version)",
                    location: place, hint: "export the dataset again and redo the edits"))
        }
        return record
    }

    /// The dataset as exported, from the record's YAML copy; a damaged copy is a warning and gives no base.
    private func decodeBase(_ record: ExportRecord, path: String, findings: inout [Finding]) -> Dataset? {
        let place = Location(file: path, cell: WorkbookLayout.recordSheet)
        guard !record.baseYAML.isEmpty else { return nil }
        do {
            // Read without a location per field: the base's findings never point into the sheet.
            let decoded = try DatasetYAMLCodec.decode(
                .bytes(Array(record.baseYAML.utf8), name: "\(path) (\(WorkbookLayout.recordSheet))"), locatesFields: false)
            guard !decoded.findings.hasErrors else {
                findings.append(
                    Finding(
                        code: "xlsx.export-record", severity: .warning,
                        message:
                            "the copy of the exported dataset in the '\(WorkbookLayout.recordSheet)' sheet was altered: \(decoded.findings.first { $0.severity == .error }?.message ?? "")",
                        location: place, hint: "a stale workbook cannot be merged three ways; export again to get a clean one"))
                return nil
            }
            return decoded.dataset
        } catch {
            findings.append(
                Finding(
                    code: "xlsx.export-record", severity: .warning,
                    message:
                        "the copy of the exported dataset in the '\(WorkbookLayout.recordSheet)' sheet cannot be read: \(error.description)",
                    location: place, hint: "a stale workbook cannot be merged three ways; export again to get a clean one"))
            return nil
        }
    }

    /// The sheet of each table: the one with its exact name, else one whose name matches ignoring case and spaces.
    /// Other sheets, except the README and the hidden ones the exporter writes, are reported.
    private func assignSheets(_ index: WorkbookIndex, path: String, findings: inout [Finding]) throws(RegionKitError) -> [TableID:
        WorkbookIndex.Sheet]
    {
        var sheets: [TableID: WorkbookIndex.Sheet] = [:]
        var used: Set<String> = []
        for table in WorkbookLayout.tables {
            if let sheet = index.sheet(named: WorkbookLayout.sheetName(of: table)) {
                sheets[table.id] = sheet
                used.insert(sheet.name)
            }
        }
        for sheet in index.sheets where !used.contains(sheet.name) {
            if let table = WorkbookLayout.table(forSheet: sheet.name), sheets[table.id] == nil {
                sheets[table.id] = sheet
                used.insert(sheet.name)
            }
        }
        let ours: Set<String> = [WorkbookLayout.readmeSheet, WorkbookLayout.listsSheet, WorkbookLayout.recordSheet]
        for sheet in index.sheets where !used.contains(sheet.name) && !ours.contains(sheet.name) {
            findings.append(
                Finding(
                    code: "xlsx.unknown-sheet", severity: .warning,
                    message: "the sheet '\(sheet.name)' is not a table of the dataset; it is not imported",
                    location: Location(file: path, cell: sheet.name),
                    hint: Suggestion.hint(for: sheet.name, in: WorkbookLayout.tables.map { WorkbookLayout.sheetName(of: $0) })))
        }
        return sheets
    }
}

/// A sheet import on its way to the thread that interprets its rows. Sendable because one thread at a time uses the
/// import: the pipeline's consumer until `RowPipeline.finish` returns, then the importer's.
private struct Handoff: @unchecked Sendable {
    let sheet: TableSheetImport
}
