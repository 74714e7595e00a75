public import RegionKit
import RegionYAML

/// The canonical text form of a dataset: YAML with tables and keys in catalogue order, the same bytes on every run.
public struct YAMLFormat: DatasetExporter, DatasetImporter {
    public static let id = "yaml"

    public init() {}

    public var descriptor: FormatDescriptor {
        FormatDescriptor(
            id: Self.id, name: "YAML",
            summary: "The canonical dataset: one YAML file, tables and keys in schema order, deterministic bytes.",
            fileExtensions: ["yaml", "yml"],
            capabilities: [.export, .import])
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        try output.write(try Self.canonicalText(of: request.dataset), named: "\(request.name).yaml")
    }

    /// Reads a YAML dataset; the findings are the reader's own (the caller validates against the schema rules).
    /// The file is read in chunks, never whole.
    public func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
        let decoded = try DatasetLoader().decode(path)
        return ImportedDataset(dataset: decoded.dataset, findings: decoded.findings)
    }

    /// The canonical YAML text of a dataset.
    public static func canonicalText(of dataset: Dataset) throws(RegionKitError) -> String {
        try DatasetYAMLText.of(dataset)
    }
}
