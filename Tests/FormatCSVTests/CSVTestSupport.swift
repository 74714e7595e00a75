import FormatCSV
import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// The canonical dataset and CSV exports of it in temporary folders.
enum CSVFixture {
    /// The canonical dataset, loaded and valid.
    static func canonical() throws -> LoadedDataset {
        let loaded = try DatasetLoader().load(Repository.dataset)
        try #require(loaded.isValid, "\(loaded.findings)")
        return loaded
    }

    /// Exports a dataset as CSV in a dialect into a new temporary folder and returns the folder.
    static func export(_ dataset: Dataset, dialect: CSVDialect, name: String = "central-asia") throws -> String {
        let folder = try Repository.temporaryFolder()
        let transaction = OutputTransaction()
        let request = ExportRequest(dataset: dataset, name: name, options: [CSVFormat.dialectOption: dialect.name])
        try CSVFormat().export(request, to: ExportOutput(folder: folder, transaction: transaction))
        try transaction.commit()
        return folder
    }

    /// Reads a file as bytes.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Writes bytes to a file.
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Writes a text file with a single table's rows, for reader tests; returns its path.
    static func file(_ text: String, bytes prefix: [UInt8] = [], name: String = "t.csv") throws -> String {
        let path = try Repository.temporaryFolder() + "/" + name
        try write(prefix + Array(text.utf8), to: path)
        return path
    }

    /// Replaces the first occurrence of `old` in a text file, keeping every other byte (a byte order mark included).
    static func edit(_ path: String, replacing old: String, with new: String) throws {
        let text = try self.text(path)
        let range = try #require(text.range(of: old), "'\(old)' is not in \(path)")
        try write(Array(text.replacingCharacters(in: range, with: new).utf8), to: path)
    }

    /// A file's text, a byte order mark kept as U+FEFF.
    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    /// The findings that are not notes.
    static func problems(_ imported: ImportedDataset) -> [Finding] {
        imported.findings.filter { $0.severity != .note }
    }
}
