import Foundation

/// Checks what CI needs in one call: the dataset is valid, and the committed schemas and exports equal what the current code generates.
public struct ConsistencyCheck {
    public var registry: FormatRegistry
    public var schemasFolder: String
    public var exportsFolder: String

    public init(registry: FormatRegistry, schemasFolder: String = "Schemas", exportsFolder: String = "Exports") {
        self.registry = registry
        self.schemasFolder = schemasFolder
        self.exportsFolder = exportsFolder
    }

    /// Every finding: the dataset's own, then one per schema or export file that is missing, stale or unexpected.
    public func run(_ loaded: LoadedDataset) throws(RegionKitError) -> [Finding] {
        var findings = loaded.findings
        guard loaded.isValid else { return findings }

        let folder = try ScratchFolder(purpose: "check")
        defer { folder.remove() }
        let scratch = folder.path

        try SchemaJob.run(into: scratch + "/schemas")
        findings += compare(generated: scratch + "/schemas", committed: schemasFolder, what: "schema", regenerate: "regionkit schema")

        let exporters = registry.exporters
        try ExportJob(exporters: exporters, output: scratch + "/exports").run(loaded)
        for exporter in exporters {
            let id = exporter.descriptor.id
            findings += compare(
                generated: scratch + "/exports/" + id, committed: exportsFolder + "/" + id,
                what: "\(id) export", regenerate: "regionkit export")
        }
        return Finding.sorted(findings)
    }

    func compare(generated: String, committed: String, what: String, regenerate: String) -> [Finding] {
        let expected = Set(Self.files(under: generated))
        let present = Set(Self.files(under: committed))
        var findings: [Finding] = []
        for name in expected.sorted() {
            let path = committed + "/" + name
            if !present.contains(name) {
                findings.append(
                    Finding(
                        code: "check.missing", message: "the \(what) file is missing", location: Location(file: path),
                        hint: "run '\(regenerate)' and commit the result"))
            } else if FileManager.default.contents(atPath: path) != FileManager.default.contents(atPath: generated + "/" + name) {
                findings.append(
                    Finding(
                        code: "check.stale", message: "the \(what) file differs from what the current code generates",
                        location: Location(file: path), hint: "run '\(regenerate)' and commit the result"))
            }
        }
        for name in present.subtracting(expected).sorted() {
            findings.append(
                Finding(
                    code: "check.unexpected", message: "the \(what) folder holds a file the current code does not generate",
                    location: Location(file: committed + "/" + name), hint: "remove it"))
        }
        return findings
    }

    /// The relative paths of the regular files under a folder, hidden files included; temporary files of writes in
    /// progress or of killed processes (`TemporaryFileName`), and what is inside their temporary folders, are not
    /// outputs and are left out.
    static func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var files: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if !name.split(separator: "/").contains(where: { TemporaryFileName.isTemporary(String($0)) }),
                FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                files.append(name)
            }
        }
        return files.sorted()
    }
}
