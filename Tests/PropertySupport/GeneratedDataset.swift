import Foundation
import RegionKit
import RegionSchema

/// A generated dataset with the seed it came from, and the plain-text files its sources point at: each source's file
/// holds every quote of the rows that cite it, so every quote is found verbatim.
public struct GeneratedDataset: Sendable {
    /// The seed that generates this case (before any shrinking).
    public var seed: UInt64
    public var dataset: Dataset
    /// Datasets whose quotes the source files hold too (an edited copy of `dataset`, whose new quotes must be found).
    public var alsoQuoted: [Dataset] = []

    public init(seed: UInt64, dataset: Dataset, alsoQuoted: [Dataset] = []) {
        self.seed = seed
        self.dataset = dataset
        self.alsoQuoted = alsoQuoted
    }

    /// The source text files, by path relative to the dataset file.
    public var sourceFiles: [String: String] {
        var quotes: [String: [String]] = [:]
        for dataset in [dataset] + alsoQuoted {
            for table in TableID.allCases {
                for record in dataset[table] {
                    guard let source = record["source"]?.text, let quote = record["quote"]?.text else { continue }
                    quotes[source, default: []].append(quote)
                }
            }
        }
        var files: [String: String] = [:]
        for dataset in [dataset] + alsoQuoted {
            for source in dataset[.sources] {
                guard let id = source.id, let path = source["text"]?.text else { continue }
                files[path] = "A text written for the test.\n\n" + (quotes[id] ?? []).joined(separator: "\n\n") + "\n"
            }
        }
        return files
    }

    /// Writes the dataset as canonical YAML (`dataset.yaml`) and its source texts into `folder`; returns the
    /// dataset file's path.
    @discardableResult
    public func write(to folder: String, name: String = "dataset.yaml") throws -> String {
        try writeSourceTexts(to: folder)
        let path = folder + "/" + name
        try DatasetYAMLText.of(dataset).write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// Writes only the source text files into `folder`.
    public func writeSourceTexts(to folder: String) throws {
        for (relative, text) in sourceFiles {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
    }

    /// What `DatasetLoader().validate` finds in the dataset, its source texts written to a scratch folder.
    public func findings() throws -> [Finding] {
        let folder = try Scratch.folder()
        defer { Scratch.remove(folder) }
        try writeSourceTexts(to: folder)
        return DatasetLoader().validate(dataset, path: folder + "/dataset.yaml").findings
    }

    /// Whether the rules find no error, the source texts given from memory: what `findings()` says, without files,
    /// for the many candidates of shrinking.
    public var isValidInMemory: Bool {
        let files = sourceFiles
        var texts: [String: String] = [:]
        for source in dataset[.sources] {
            if let id = source.id, let path = source["text"]?.text { texts[id] = files[path] }
        }
        return !DatasetValidator().validate(dataset, in: ValidationContext(sourceTexts: texts, file: "dataset.yaml"))
            .contains { $0.severity == .error }
    }

    /// The error findings, rendered one a line; empty when the dataset is valid.
    public func errors() throws -> [String] {
        try findings().filter { $0.severity == .error }.map { "\($0)" }
    }

    /// The canonical YAML text of the dataset, for failure messages.
    public var yaml: String {
        (try? DatasetYAMLText.of(dataset)) ?? "(the dataset cannot be written as YAML)"
    }
}

/// Scratch folders of the properties under the system's temporary folder, removed after a passing case.
public enum Scratch {
    public static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regionkit-property-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    public static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
