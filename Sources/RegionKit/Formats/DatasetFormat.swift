/// A format RegionKit can write or read a dataset in. Built-in formats and plug-ins are listed in a `FormatRegistry`.
public protocol DatasetFormat: Sendable {
    /// The format's id, name, extensions and capabilities.
    var descriptor: FormatDescriptor { get }
}

/// A format that writes a dataset into files.
public protocol DatasetExporter: DatasetFormat {
    /// Writes the dataset's files through `output`. Only valid datasets are passed in; a thrown error leaves nothing written.
    func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError)
}

/// A format that reads a dataset back from a file or folder.
public protocol DatasetImporter: DatasetFormat {
    /// Whether `path` looks like this format's input; by default, whether its extension is one of the format's.
    func recognizes(_ path: String) -> Bool
    /// Reads the dataset at `path`. Problems in the content are findings; an unusable input throws.
    func read(_ path: String) throws(RegionKitError) -> ImportedDataset
    /// Reads the dataset at `path` with format options (`--option key=value` on `regionkit import`, already
    /// checked against the descriptor's options); by default the options are ignored.
    func read(_ path: String, options: [String: String]) throws(RegionKitError) -> ImportedDataset
}

extension DatasetImporter {
    public func read(_ path: String, options: [String: String]) throws(RegionKitError) -> ImportedDataset {
        try read(path)
    }

    public func recognizes(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return descriptor.fileExtensions.contains(path[path.index(after: dot)...].lowercased())
    }
}

/// What an exporter is asked to write.
public struct ExportRequest: Sendable {
    /// The valid dataset.
    public var dataset: Dataset
    /// The stem of the files to write, such as `central-asia`.
    public var name: String
    /// Format options as `key=value` pairs given on the command line; each format says which it knows.
    public var options: [String: String]
    /// The dataset file the dataset was loaded from, when it came from one; formats that draw on files kept beside
    /// the dataset (such as country polygons) look for them relative to it.
    public var datasetPath: String?

    public init(dataset: Dataset, name: String, options: [String: String] = [:], datasetPath: String? = nil) {
        self.dataset = dataset
        self.name = name
        self.options = options
        self.datasetPath = datasetPath
    }
}

/// Where an exporter writes: a folder, through a transaction that writes nothing until every format has succeeded.
public struct ExportOutput {
    /// The folder the exporter's files go into.
    public let folder: String
    let transaction: OutputTransaction

    public init(folder: String, transaction: OutputTransaction) {
        self.folder = folder
        self.transaction = transaction
    }

    /// Stages a file named `fileName` inside the folder. Names that would leave the folder are refused.
    public func write(_ bytes: some Collection<UInt8>, named fileName: String) throws(RegionKitError) {
        try transaction.write(bytes, to: try path(for: fileName))
    }

    /// Stages a UTF-8 text file named `fileName` inside the folder.
    public func write(_ text: String, named fileName: String) throws(RegionKitError) {
        try write(Array(text.utf8), named: fileName)
    }

    /// Stages a file named `fileName` inside the folder that `produce` writes piece by piece, for exporters that
    /// stream rows rather than build the whole file.
    public func write(
        named fileName: String, _ produce: (StagedFileWriter) throws(RegionKitError) -> Void
    ) throws(RegionKitError) {
        try transaction.write(to: try path(for: fileName), produce)
    }

    /// Stages a file named `fileName` inside the folder that a library writes by its path, for in-process formats
    /// built on a C library that opens and writes the file itself, such as libxlsxwriter.
    ///
    /// `produce` gets the path of the hidden temporary file beside the target (`.regionkit-tmp-…`, see
    /// `TemporaryFileName`), which exists and is empty, and writes the whole file there. The transaction then
    /// flushes it to disk and renames it into place at the commit; a failure anywhere removes it, and nothing is
    /// visible at the target before the commit. It also gets a private empty folder beside the target for the
    /// library's own intermediate files (libxlsxwriter's `tmpdir`), removed when `produce` ends. See
    /// `OutputTransaction.withStagedPath(for:_:)`.
    public func withStagedPath(
        named fileName: String, _ produce: (_ stagedPath: String, _ workFolder: String) throws(RegionKitError) -> Void
    ) throws(RegionKitError) {
        try transaction.withStagedPath(for: try path(for: fileName), produce)
    }

    /// The full path of a file inside the folder; names with `..`, absolute paths or control characters are refused.
    public func path(for fileName: String) throws(RegionKitError) -> String {
        let parts = fileName.split(separator: "/", omittingEmptySubsequences: false)
        let unsafe =
            fileName.isEmpty || fileName.hasPrefix("/")
            || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
            || fileName.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" }
        guard !unsafe else {
            throw RegionKitError(.writeFailed, "refusing to write '\(fileName)': file names must stay inside \(folder)")
        }
        return folder + "/" + fileName
    }
}

/// A dataset read by an importer, with every finding about its content.
public struct ImportedDataset: Sendable {
    /// The dataset as the file holds it. Rows whose file tracks their id at export time carry it in `Record.baseID`.
    public var dataset: Dataset
    /// Every finding about reading the file, located in it (`Sheet!C7`, `table.csv:12:4`).
    public var findings: [Finding]
    /// The fingerprint of the dataset the file was exported from, when the file carries it (`DatasetFingerprint`).
    public var baseFingerprint: String?
    private let baseSource: BaseSource

    private enum BaseSource: Sendable {
        case given(Dataset?)
        case deferred(@Sendable () throws(RegionKitError) -> Dataset?)
    }

    /// The dataset as it was exported into the file, when the file carries it; an import merges three ways against it.
    ///
    /// An importer may defer reading it: only a file exported from an older state of the dataset needs it, so a
    /// fresh export's copy is never read. Each access reads a deferred copy again.
    public var base: Dataset? {
        get throws(RegionKitError) {
            switch baseSource {
            case .given(let base): return base
            case .deferred(let read): return try read()
            }
        }
    }

    public init(dataset: Dataset, findings: [Finding], base: Dataset? = nil, baseFingerprint: String? = nil) {
        self.dataset = dataset
        self.findings = findings
        self.baseSource = .given(base)
        self.baseFingerprint = baseFingerprint
    }

    /// An imported dataset whose base is read by `readBase` when the import first needs it.
    public init(
        dataset: Dataset, findings: [Finding], baseFingerprint: String?,
        readBase: @escaping @Sendable () throws(RegionKitError) -> Dataset?
    ) {
        self.dataset = dataset
        self.findings = findings
        self.baseSource = .deferred(readBase)
        self.baseFingerprint = baseFingerprint
    }
}
