import Foundation

/// A dataset read from a file, with every finding about it: syntax aside, nothing stops loading.
public struct LoadedDataset: Sendable {
    /// The dataset as far as it could be read.
    public var dataset: Dataset
    /// Every finding, from reading and from the schema rules, sorted by location.
    public var findings: [Finding]
    /// The path as the user gave it, used in messages.
    public var path: String
    /// The folder of the file; source text paths are relative to it.
    public var folder: URL
    /// The source texts that could be read, by source id.
    public var sourceTexts: [String: String]
    /// The SHA-256 of the file's bytes as they were read, as 64 hexadecimal digits, when the loader was asked to take
    /// it (`DatasetLoader.hashesFile`) and read the file to its end.
    public var fileDigest: String?

    /// Whether the dataset has no error findings.
    public var isValid: Bool { !findings.hasErrors }

    /// A short name for output files: the dataset's folder name (`central-asia`), or the file's stem.
    public var name: String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        if stem == "dataset" {
            let folderName = url.deletingLastPathComponent().lastPathComponent
            if !folderName.isEmpty && folderName != "." && folderName != "/" { return folderName }
        }
        return stem
    }
}
