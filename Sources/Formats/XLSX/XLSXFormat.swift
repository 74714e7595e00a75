public import RegionKit

/// A workbook for analysts to edit in Excel or LibreOffice, and its reimport: sheets per table with dropdowns and
/// validations from the schema, and a hidden export record so that an import finds every change and can merge.
/// The import also reads a workbook saved macro-enabled (`.xlsm`, its macros never run) or as a template
/// (`.xltx`, `.xltm`).
public struct XLSXFormat: DatasetExporter, DatasetImporter {
    public static let id = "xlsx"

    public init() {}

    public var descriptor: FormatDescriptor {
        FormatDescriptor(
            id: Self.id, name: "XLSX workbook",
            summary: "A workbook to edit in Excel or LibreOffice: one sheet per table, dropdowns and validations, reimported cell by cell.",
            fileExtensions: ["xlsx", "xlsm", "xltx", "xltm"],
            capabilities: [.export, .import, .streaming],
            options: [
                FormatOption(
                    key: "memory",
                    summary: "constant: libxlsxwriter writes each finished row to a temporary file; full: it keeps the sheets in memory",
                    values: ["constant", "full"], defaultValue: "constant")
            ])
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        var exporter = WorkbookExporter()
        if let memory = request.options["memory"] {
            guard memory == "constant" || memory == "full" else {
                throw RegionKitError(.invalidOption, "the option memory takes constant or full, not '\(memory)'")
            }
            exporter.constantMemory = memory == "constant"
        }
        // libxlsxwriter writes the finished workbook straight into the staged file beside its target, and its own
        // intermediate files into the work folder beside it rather than into $TMPDIR.
        let fileName = "\(request.name).xlsx"
        let target = try output.path(for: fileName)
        try output.withStagedPath(named: fileName) { stagedPath, workFolder throws(RegionKitError) in
            exporter.temporaryFolder = workFolder
            try exporter.write(request.dataset, name: request.name, to: stagedPath, shownAs: target)
        }
    }

    public func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
        try WorkbookImporter().read(path)
    }
}
