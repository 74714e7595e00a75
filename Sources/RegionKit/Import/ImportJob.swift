import Foundation

/// Reads an edited file (a workbook, a CSV package, a YAML dataset), validates it, merges it into the canonical
/// dataset and, when asked and safe, writes the result.
public struct ImportJob {
    /// How an import runs.
    public struct Options: Sendable {
        /// Write the merged dataset (otherwise a dry run that only reports).
        public var apply = false
        /// Let an applied import remove rows that the file no longer has.
        public var allowDeletions = false
        /// Compare two ways even when the file was exported from another version of the dataset and carries no copy of it.
        public var twoWay = false
        /// The importer to use, by format id; by default the one that recognizes the path.
        public var format: String?
        /// Options for the importer, as `--option key=value` gives them (a CSV package's `dialect`, for example).
        public var formatOptions: [String: String]

        public init(
            apply: Bool = false, allowDeletions: Bool = false, twoWay: Bool = false, format: String? = nil,
            formatOptions: [String: String] = [:]
        ) {
            self.apply = apply
            self.allowDeletions = allowDeletions
            self.twoWay = twoWay
            self.format = format
            self.formatOptions = formatOptions
        }
    }

    /// How the file was compared with the dataset.
    public enum Mode: String, Sendable {
        /// Against the dataset as it is now (the file was exported from it, or does not say).
        case twoWay = "two-way"
        /// Against the state the file was exported from, and the dataset as it is now.
        case threeWay = "three-way"
    }

    /// What an import found and did.
    public struct Outcome: Sendable {
        public var file: String
        public var datasetPath: String
        public var format: String
        public var mode: Mode
        public var changes: ChangeSet
        /// Every finding: the file's, the merged dataset's, and the import's own (`import.*`).
        public var findings: [Finding]
        /// Whether the canonical dataset was rewritten.
        public var applied: Bool

        /// Whether the import is clean: no errors and no conflicts.
        public var isClean: Bool { !findings.hasErrors && changes.conflicts.isEmpty }
    }

    public var registry: FormatRegistry
    /// The canonical dataset file the import merges into.
    public var datasetPath: String
    public var options: Options

    public init(registry: FormatRegistry, datasetPath: String, options: Options = .init()) {
        self.registry = registry
        self.datasetPath = datasetPath
        self.options = options
    }

    public func run(_ path: String) throws(RegionKitError) -> Outcome {
        let importer = try self.importer(for: path)
        let problems = FormatOption.problems(in: options.formatOptions, declaredBy: [importer])
        if !problems.isEmpty {
            throw RegionKitError(.invalidOption, problems.map { "\(importer.descriptor.id): \($0)" }.joined(separator: "\nerror: "))
        }
        let lock = options.apply ? try DatasetLock(for: datasetPath) : nil
        defer { lock?.release() }

        // The canonical dataset and the file are read and validated side by side; errors are reported in the order
        // of a run one after the other: the canonical dataset's first.
        let sourceFolder = URL(fileURLWithPath: datasetPath).deletingLastPathComponent().path
        let formatOptions = options.formatOptions
        let datasetPath = self.datasetPath
        let observer = JobProgress.observer
        let (loaded, read) = ParallelWork.both(
            { () -> Result<LoadedDataset, RegionKitError> in
                // Silent: the progress line follows the file, which is what the user is waiting for.
                Result { () throws(RegionKitError) in try DatasetLoader(hashesFile: true).load(datasetPath) }
            },
            { () -> Result<(ImportedDataset, [Finding]), RegionKitError> in
                JobProgress.$observer.withValue(observer) {
                    Result { () throws(RegionKitError) in
                        var imported = try importer.read(path, options: formatOptions)
                        // Every format's line breaks read back as the dataset's one line break.
                        imported.dataset = imported.dataset.withLineFeeds()
                        let findings = DatasetLoader().validate(
                            imported.dataset, path: path, sourceFolder: sourceFolder, decodeFindings: imported.findings
                        ).findings
                        return (imported, findings)
                    }
                }
            })
        let current = try loaded.get()
        guard current.isValid else {
            throw RegionKitError(
                .unsupported, "\(datasetPath): the canonical dataset is invalid; fix it first ('regionkit validate' shows why)")
        }
        let (imported, importedFindings) = try read.get()
        var findings = importedFindings

        let (base, mode) = try chooseBase(imported, current: current, path: path, findings: &findings)
        let merge = DatasetMerge().merge(base: base, current: current.dataset, edited: imported.dataset)
        // The merged dataset is built only when it could be written: without a change it is the canonical one, which
        // was found valid above; with errors or conflicts nothing is written.
        var merged: Dataset?
        if !findings.hasErrors && merge.changes.conflicts.isEmpty && !merge.changes.changes.isEmpty {
            let dataset = merge.merged
            let mergedFindings = DatasetLoader().validate(dataset, path: datasetPath, sourceFolder: sourceFolder).findings
            findings += mergedFindings.filter { $0.severity == .error }
            merged = dataset
        }
        var outcome = Outcome(
            file: path, datasetPath: datasetPath, format: importer.descriptor.id, mode: mode, changes: merge.changes,
            findings: findings, applied: false)

        let removals = merge.changes.count(.removed)
        if removals > 0 && !options.allowDeletions {
            outcome.findings.append(
                Finding(
                    code: "import.deletions", severity: options.apply ? .error : .note,
                    message: "the file no longer has \(FindingReport.plural(removals, "row")) of the dataset; applying it removes them",
                    location: Location(file: path), hint: "pass --allow-deletions to remove them"))
        }
        outcome.findings = Finding.sorted(outcome.findings)
        // A clean import with changes is one whose merged dataset was built and validated above.
        guard options.apply, outcome.isClean, let merged else { return outcome }

        let transaction = OutputTransaction()
        try transaction.write(
            try newText(merged, changes: merge.changes, current: current.dataset, findings: &outcome.findings), to: datasetPath)
        try transaction.commit()
        outcome.applied = true
        outcome.findings = Finding.sorted(outcome.findings)
        return outcome
    }

    /// The canonical file's new bytes: its text with only the rows the merge changes rewritten (see `DatasetSplice`),
    /// or, when that text would not read back as the merged dataset, the merged dataset's whole canonical text and
    /// an `import.rewritten` note saying why.
    func newText(_ merged: Dataset, changes: ChangeSet, current: Dataset, findings: inout [Finding]) throws(RegionKitError) -> [UInt8] {
        let reason: String
        do {
            let original = try FileAccess.read(datasetPath)
            let splice = DatasetSplice(
                original: original, path: datasetPath, current: current, merged: merged, changes: changes)
            switch splice.run() {
            case .spliced(let text):
                return text
            case .refused(let why):
                reason = why
            }
        } catch {
            reason = "it cannot be read again (\(error.message))"
        }
        findings.append(
            Finding(
                code: "import.rewritten", severity: .note,
                message: "the dataset is written whole in canonical form, so its comments and hand formatting are gone: \(reason)",
                location: Location(file: datasetPath),
                hint: "keep one row per block of lines ('- ' then its keys) for an apply to rewrite only the rows it changes"))
        return Array(try DatasetYAMLText.of(merged).utf8)
    }

    func importer(for path: String) throws(RegionKitError) -> any DatasetImporter {
        if let id = options.format {
            guard let importer = registry.importer(id: id) else {
                throw RegionKitError(.invalidOption, "no format '\(id)' can import; formats that can: \(importerIDs)")
            }
            return importer
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw RegionKitError(.fileNotFound, "\(path): no such file or folder")
        }
        guard let importer = registry.importer(for: path) else {
            throw RegionKitError(.unsupported, "\(path): no format recognizes this file; formats that can import: \(importerIDs)")
        }
        return importer
    }

    var importerIDs: String {
        registry.formats.compactMap { $0 as? any DatasetImporter }.map(\.descriptor.id).joined(separator: ", ")
    }

    /// The state to merge three ways against, or nil to compare with the dataset as it is.
    func chooseBase(_ imported: ImportedDataset, current: LoadedDataset, path: String, findings: inout [Finding])
        throws(RegionKitError) -> (Dataset?, Mode)
    {
        guard let exported = imported.baseFingerprint else { return (nil, .twoWay) }
        // A canonical file that is, byte for byte, the YAML the file was exported from holds that same dataset: its
        // fingerprint need not be computed by writing the dataset out again.
        if let digest = current.fileDigest, exported == DatasetFingerprint.prefix + digest { return (nil, .twoWay) }
        let now = try DatasetFingerprint.of(current.dataset)
        if exported == now { return (nil, .twoWay) }
        if let base = try imported.base {
            if try DatasetFingerprint.of(base) == exported {
                findings.append(
                    Finding(
                        code: "import.stale", severity: .note,
                        message: "the dataset changed since this file was exported; edits are merged three ways and conflicts are listed",
                        location: Location(file: path)))
                return (base, .threeWay)
            }
            findings.append(
                Finding(
                    code: "import.base-mismatch",
                    message: "the file's copy of the exported dataset does not match its fingerprint; it was altered",
                    location: Location(file: path), hint: "export again and redo the edits on the new file"))
            return (nil, .twoWay)
        }
        if options.twoWay {
            findings.append(
                Finding(
                    code: "import.stale", severity: .warning,
                    message:
                        "the dataset changed since this file was exported; compared two ways, so changes made to the dataset since are undone where the file differs",
                    location: Location(file: path)))
            return (nil, .twoWay)
        }
        findings.append(
            Finding(
                code: "import.stale",
                message:
                    "the dataset changed since this file was exported (\(exported.prefix(19))…, now \(now.prefix(19))…) and the file carries no copy of the exported state to merge against",
                location: Location(file: path),
                hint: "export again and redo the edits, or pass --two-way to compare with the dataset as it is now"))
        return (nil, .twoWay)
    }
}
