import Foundation
import RegionYAML

/// Reads a YAML dataset file, its source texts, and validates it with every rule.
public struct DatasetLoader: Sendable {
    /// The rules to validate with.
    public var validator: DatasetValidator
    /// Limits on the YAML document, against hostile input.
    public var limits: YAMLLimits
    /// The most bytes read at a time, from a file or from bytes in memory (1 MiB unless told otherwise).
    public var chunkSize: Int
    /// Whether `load` also takes the SHA-256 of the bytes it reads (`LoadedDataset.fileDigest`), in the same pass.
    public var hashesFile: Bool

    public init(
        validator: DatasetValidator = DatasetValidator(), limits: YAMLLimits = .default,
        chunkSize: Int = YAMLInput.defaultChunkSize, hashesFile: Bool = false
    ) {
        self.validator = validator
        self.limits = limits
        self.chunkSize = chunkSize
        self.hashesFile = hashesFile
    }

    /// Loads and validates the dataset at `path`, reading the file in chunks (it is never whole in memory).
    /// Throws only when the file cannot be read or is not YAML.
    ///
    /// The file is first read keeping only each row's location, which takes less than half the memory of keeping
    /// every field's; only when validation finds something is it read again, so that every finding points at its
    /// field. A valid dataset is read once.
    public func load(_ path: String) throws(RegionKitError) -> LoadedDataset {
        try FileAccess.checkFile(path)
        // A pipe cannot be read twice: read it once, keeping every location.
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else { return try pass(over: path, locatesFields: true) }
        let rows = try pass(over: path, locatesFields: false)
        guard !rows.findings.isEmpty else { return rows }
        return try pass(over: path, locatesFields: true)
    }

    /// One reading of the file at `path`, validated; the SHA-256 of its bytes is taken on the way when `hashesFile`
    /// asks for it.
    private func pass(over path: String, locatesFields: Bool) throws(RegionKitError) -> LoadedDataset {
        var input = YAMLInput.file(path, chunkSize: chunkSize)
        let digest = hashesFile ? InputDigest() : nil
        input.observer = digest
        var loaded = try validated(decode(input, locatesFields: locatesFields), path: path)
        loaded.fileDigest = digest?.hexDigest()
        return loaded
    }

    /// Loads and validates a dataset from bytes; `path` names it in messages and anchors its source texts.
    public func load(bytes: [UInt8], path: String) throws(RegionKitError) -> LoadedDataset {
        try validated(decode(.bytes(bytes, name: path, chunkSize: chunkSize)), path: path)
    }

    /// Reads the YAML dataset at `path` in chunks, without validating it against the schema rules: what could be
    /// read, and the reader's findings. Throws when the file cannot be read or is not YAML.
    ///
    /// With `locatesFields` false, rows keep only their own location, not each field's: less memory, for a dataset
    /// whose findings do not point into it.
    public func decode(_ path: String, locatesFields: Bool = true) throws(RegionKitError) -> DatasetYAMLCodec.Decoded {
        try FileAccess.checkFile(path)
        return try decode(.file(path, chunkSize: chunkSize), locatesFields: locatesFields)
    }

    private func decode(_ input: YAMLInput, locatesFields: Bool = true) throws(RegionKitError) -> DatasetYAMLCodec.Decoded {
        do {
            return try DatasetYAMLCodec.decode(input, limits: limits, locatesFields: locatesFields)
        } catch  where error.kind == .unreadable {
            throw RegionKitError(.unreadable, "\(input.name): \(error.message)")
        } catch {
            throw RegionKitError(.syntax, error.description)
        }
    }

    private func validated(_ decoded: DatasetYAMLCodec.Decoded, path: String) -> LoadedDataset {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var findings = decoded.findings
        let texts = SourceTexts.read(for: decoded.dataset, relativeTo: folder, file: path, findings: &findings)
        return validated(decoded.dataset, findings: findings, path: path, folder: folder, sourceTexts: texts)
    }

    /// Validates a dataset that came from elsewhere (another format, a plug-in) as if it were at `path`.
    /// Source texts are looked up relative to `sourceFolder`, by default the folder of `path`.
    public func validate(_ dataset: Dataset, path: String, sourceFolder: String? = nil, decodeFindings: [Finding] = []) -> LoadedDataset {
        let folder =
            sourceFolder.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? URL(fileURLWithPath: path).deletingLastPathComponent()
        var findings = decodeFindings
        let texts = SourceTexts.read(for: dataset, relativeTo: folder, file: path, findings: &findings)
        return validated(dataset, findings: findings, path: path, folder: folder, sourceTexts: texts)
    }

    private func validated(_ dataset: Dataset, findings: [Finding], path: String, folder: URL, sourceTexts: [String: String])
        -> LoadedDataset
    {
        let context = ValidationContext(sourceTexts: sourceTexts, file: path)
        let all = Finding.sorted(findings + validator.validate(dataset, in: context))
        return LoadedDataset(dataset: dataset, findings: all, path: path, folder: folder, sourceTexts: sourceTexts)
    }
}
