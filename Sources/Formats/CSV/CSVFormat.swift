public import RegionKit

/// The dataset as a Frictionless Data package: one CSV file per table and a `datapackage.json` describing them.
///
/// Export writes the dialect named by the option `dialect` (`rfc4180` unless told otherwise). Import reads a
/// folder holding `datapackage.json`, or that file; a lone CSV file is not a dataset (the other tables would read
/// as deleted) and is not recognized. Both stream: one row is held at a time beyond the dataset itself.
public struct CSVFormat: DatasetExporter, DatasetImporter {
    public static let id = "csv"
    /// The export option that names the dialect.
    public static let dialectOption = "dialect"

    /// The dialect imports read every file in; nil to detect each file's from its header row.
    public var importDialect: CSVDialect?

    public init(importDialect: CSVDialect? = nil) {
        self.importDialect = importDialect
    }

    public var descriptor: FormatDescriptor {
        FormatDescriptor(
            id: Self.id, name: "CSV",
            summary: "A Frictionless data package: one CSV file per table and datapackage.json; dialects rfc4180, excel, excel-semicolon.",
            fileExtensions: ["csv"],
            capabilities: [.export, .import, .streaming],
            options: [
                FormatOption(
                    key: Self.dialectOption,
                    summary:
                        "the CSV dialect; an export writes rfc4180 unless told, an import detects each file's from its header row unless told",
                    values: CSVDialect.allCases.map(\.name), defaultValue: CSVDialect.standard.name)
            ])
    }

    /// The dialect an export request asks for.
    public static func dialect(of request: ExportRequest) throws(RegionKitError) -> CSVDialect {
        guard let name = request.options[dialectOption] else { return .standard }
        guard let dialect = CSVDialect(name: name) else {
            throw RegionKitError(.invalidOption, "unknown CSV dialect '\(name)'; known: \(CSVDialect.names)")
        }
        return dialect
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        let dialect = try Self.dialect(of: request)
        let codec = CellCodec(dialect: dialect)
        // The base copy is written on another core while the tables are.
        let dataset = request.dataset
        let encoding = BackgroundWork { Result { () throws(RegionKitError) in try DatasetYAMLText.of(dataset) } }
        for spec in DatasetSchema.tables {
            try output.write(named: DataPackageDescriptor.fileName(of: spec.id)) { file throws(RegionKitError) in
                var writer = try CSVWriter(dialect: dialect, file: file)
                try writer.write(spec.keys)
                let rows = request.dataset[spec.id]
                for (index, record) in rows.enumerated() {
                    var cells: [String] = []
                    cells.reserveCapacity(spec.fields.count)
                    for field in spec.fields {
                        let text = record[field.key].map { codec.text(of: $0, field: field) } ?? ""
                        try Self.checkLength(of: text, table: spec.id, record: record, index: index, field: field.key)
                        cells.append(text)
                    }
                    try writer.write(cells)
                    if JobProgress.isDue(index + 1) {
                        JobProgress.report("writing \(spec.id).csv", rows: index + 1, done: index + 1, total: rows.count)
                    }
                }
                JobProgress.end()
            }
        }
        let base = try encoding.wait().get()
        try output.write(base, named: DataPackageDescriptor.baseFileName)
        let descriptor = DataPackageDescriptor.make(
            name: request.name, dialect: dialect, fingerprint: DatasetFingerprint.of(yaml: base))
        try output.write(descriptor.serialized() + "\n", named: DataPackageDescriptor.fileName)
    }

    /// Refuses a cell longer than a spreadsheet cell: Excel would cut it, and `CSVReader` refuses it. The cell is
    /// counted as written (a formula guard's `'` and a list's `\;` included), in UTF-16 code units as Excel counts,
    /// which are never fewer than the Unicode scalars the reader counts.
    static func checkLength(of text: String, table: TableID, record: Record, index: Int, field: String) throws(RegionKitError) {
        guard !SpreadsheetCell.surelyFits(utf8Count: text.utf8.count) else { return }
        let units = text.utf16.count
        guard units > SpreadsheetCell.maximumUnits else { return }
        throw SpreadsheetCell.tooLong(
            format: id, table: table, record: record, index: index, field: field, units: units,
            counting: "UTF-16 code units, as Excel counts them")
    }

    public func recognizes(_ path: String) -> Bool {
        CSVPackageReader.descriptorPath(for: path) != nil
    }

    public func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
        try CSVPackageReader(dialect: importDialect).read(path)
    }

    /// Reads a package in the dialect the option `dialect` names, else in `importDialect`, else detecting it.
    public func read(_ path: String, options: [String: String]) throws(RegionKitError) -> ImportedDataset {
        guard let name = options[Self.dialectOption] else { return try read(path) }
        guard let dialect = CSVDialect(name: name) else {
            throw RegionKitError(.invalidOption, "unknown CSV dialect '\(name)'; known: \(CSVDialect.names)")
        }
        return try CSVPackageReader(dialect: dialect).read(path)
    }
}
