import Foundation
public import RegionKit

/// Reads a CSV export back: its `datapackage.json` and one CSV file per table, one row at a time.
///
/// The descriptor names each table's file (its resources) and carries the fingerprint of the dataset it was
/// exported from; the exported dataset itself, the base of a three-way merge, is `regionkit-base.yaml` beside the
/// CSV files when the package still has it. Each file's dialect is the one given, or detected from its header row
/// and reported in a note.
public struct CSVPackageReader: Sendable {
    /// The dialect of every file, or nil to detect each file's from its header row.
    public var dialect: CSVDialect?

    public init(dialect: CSVDialect? = nil) {
        self.dialect = dialect
    }

    /// The descriptor of a package given as its folder or as the descriptor itself; nil when `path` is neither.
    public static func descriptorPath(for path: String) -> String? {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            let inside = (path.hasSuffix("/") ? path : path + "/") + DataPackageDescriptor.fileName
            return FileManager.default.fileExists(atPath: inside) ? inside : nil
        }
        return URL(fileURLWithPath: path).lastPathComponent == DataPackageDescriptor.fileName ? path : nil
    }

    /// Reads the package at `path` (its folder or its `datapackage.json`).
    public func read(_ path: String) throws(RegionKitError) -> ImportedDataset {
        guard let descriptorPath = Self.descriptorPath(for: path) else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw RegionKitError(.fileNotFound, "\(path): the folder holds no \(DataPackageDescriptor.fileName)")
            }
            throw RegionKitError(
                .unsupported, "\(path): a CSV import reads a folder holding \(DataPackageDescriptor.fileName), or that file")
        }
        let folder = String(descriptorPath.dropLast(DataPackageDescriptor.fileName.count))
        let package = try DataPackage(path: descriptorPath)
        var findings = package.findings
        var dataset = Dataset(schemaVersion: package.schemaVersion)
        var detected: [(choice: DialectChoice, file: String)] = []
        for table in TableID.allCases {
            guard let relative = package.files[table] else { continue }
            let reader = CSVTableReader(
                spec: DatasetSchema.table(table), path: folder + relative, file: folder + relative, dialect: dialect)
            let result = try reader.read()
            dataset[table] = result.records
            findings += result.findings
            if result.choice.isDetected { detected.append((result.choice, folder + relative)) }
        }
        findings += Self.dialectNotes(detected, of: package.files.count)
        let baseName = package.base
        return ImportedDataset(dataset: dataset, findings: Finding.sorted(findings), baseFingerprint: package.fingerprint) {
            () throws(RegionKitError) in try Self.base(named: baseName, in: folder)
        }
    }

    /// The exported dataset kept beside the CSV files, when the package names one and it is there. It is read as
    /// it was written, not validated: it only serves as the base of a merge, and the merged result is validated.
    static func base(named name: String?, in folder: String) throws(RegionKitError) -> Dataset? {
        guard let name, FileManager.default.fileExists(atPath: folder + name) else { return nil }
        return try DatasetLoader().decode(folder + name, locatesFields: false).dataset
    }

    /// One note per detected dialect, naming the files read in it (or saying "the N CSV files" when it is all of them).
    static func dialectNotes(_ detected: [(choice: DialectChoice, file: String)], of total: Int) -> [Finding] {
        var groups: [(choice: DialectChoice, files: [String])] = []
        for (choice, file) in detected {
            if let index = groups.firstIndex(where: { $0.choice == choice }) {
                groups[index].files.append(file)
            } else {
                groups.append((choice, [file]))
            }
        }
        return groups.map { group in
            let names = group.files.map { URL(fileURLWithPath: $0).lastPathComponent }
            let several = names.count > 1
            let subject = several && names.count == total ? "the \(total) CSV files" : names.joined(separator: ", ")
            let alternatives =
                group.choice.alternatives.isEmpty
                ? ""
                : " (\(group.choice.alternatives.map(\.name).joined(separator: ", ")) would read \(several ? "them" : "it") the same)"
            return Finding(
                code: "csv.dialect", severity: .note,
                message:
                    "read \(subject) as dialect \(group.choice.dialect)\(alternatives), detected from \(several ? "their header rows" : "the header row"): \(group.choice.reason ?? "")",
                location: Location(file: group.files[0], line: 1, column: 1),
                hint: "choose another with --dialect: \(CSVDialect.names)")
        }
    }
}
