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

    public func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
        let loaded = try DatasetLoader().load(path)
        return ImportedDataset(dataset: loaded.dataset, findings: loaded.findings)
    }

    /// The canonical YAML text of a dataset.
    public static func canonicalText(of dataset: Dataset) throws(RegionKitError) -> String {
        do {
            return try DatasetYAMLCodec.encode(dataset)
        } catch {
            throw RegionKitError(.writeFailed, "cannot write YAML: \(error.description)")
        }
    }
}
