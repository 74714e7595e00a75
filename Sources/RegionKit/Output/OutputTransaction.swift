/// A set of files written together: each goes to a temporary file beside its target, is flushed to disk, and only
/// `commit()` renames them all into place and flushes their folders. A transaction dropped without a commit removes
/// its temporary files, so a failed command leaves earlier files exactly as they were.
///
/// The first time a transaction writes into a folder it removes the temporary files that killed processes left
/// there (see `TemporaryFileName`).
public final class OutputTransaction {
    /// A file staged for writing.
    public struct StagedFile: Sendable, Hashable {
        /// Where the file goes.
        public let path: String
        /// The folder it goes into, where its temporary file waits until the commit.
        let folder: String
        /// The temporary file's name in `folder`.
        let temporaryName: String

        var temporaryPath: String { folder + "/" + temporaryName }
    }

    private var staged: [StagedFile] = []
    private var committed = false
    /// The folders written into so far: created if missing, and cleared of stale temporary files.
    private var preparedFolders: Set<String> = []
    /// The folders this transaction created, whose parents must be flushed for them to last.
    private var createdFolders: [String] = []

    public init() {}

    deinit {
        if !committed { rollback() }
    }

    /// Makes a write past the process's file size limit (`ulimit -f`) fail with an error that names the file,
    /// instead of ending the process. Commands call it once at start-up.
    public static func reportFileSizeLimitAsError() {
        OutputCalls.ignoreFileSizeSignal()
    }

    /// The target paths of the files staged so far, in order.
    public var paths: [String] { staged.map(\.path) }

    /// Stages `bytes` for `path`, creating its folder; nothing is visible at `path` until the commit.
    public func write(_ bytes: some Collection<UInt8>, to path: String) throws(RegionKitError) {
        try write(to: path) { file throws(RegionKitError) in try file.write(bytes) }
    }

    /// Stages a UTF-8 text for `path`.
    public func write(_ text: String, to path: String) throws(RegionKitError) {
        try write(Array(text.utf8), to: path)
    }

    /// Stages a file for `path` that `produce` writes piece by piece, creating its folder; nothing is visible at
    /// `path` until the commit. If `produce` throws, the file is dropped with the rest of the transaction.
    public func write(
        to path: String, _ produce: (StagedFileWriter) throws(RegionKitError) -> Void
    ) throws(RegionKitError) {
        let file = try stage(path)
        try produce(file)
        try file.finish()
    }

    /// Stages a file for `path` that something else writes given a path, such as a C library that opens the file
    /// itself: `produce` gets the path of the staged temporary file beside `path` and writes the whole file there.
    ///
    /// When `produce` starts, the temporary file exists, empty, with the permission bits of the file it will
    /// replace; `produce` may truncate and rewrite it. When it returns, the file is flushed to disk and, at the
    /// commit, renamed into place like every other staged file. Nothing is visible at `path` until then; if
    /// `produce` throws, or the file cannot be flushed, it is removed with the rest of the transaction.
    ///
    /// `produce` also gets an empty folder beside `path`, readable by this user alone, for the library's own
    /// intermediate files; it is removed with everything in it when `produce` returns or throws. Both names are
    /// temporary names (`TemporaryFileName`), so what a killed process leaves in them is neither read as an output
    /// nor kept: the next transaction writing into the folder removes it.
    public func withStagedPath(
        for path: String, _ produce: (_ stagedPath: String, _ workFolder: String) throws(RegionKitError) -> Void
    ) throws(RegionKitError) {
        let file = try stage(path)
        try file.close()
        let stagedFile = staged[staged.count - 1]
        let workFolder = stagedFile.folder + "/" + TemporaryFileName.make(for: Self.workFolderName(for: path))
        do {
            try OutputCalls.makeFolder(workFolder, permissions: 0o700)
        } catch {
            throw RegionKitError(.writeFailed, "\(workFolder): cannot create a temporary folder: \(error.reason); nothing was written")
        }
        defer { OutputCalls.removeTree(workFolder) }
        try produce(stagedFile.temporaryPath, workFolder)
        do {
            try OutputCalls.synchronizeFile(stagedFile.temporaryPath)
        } catch {
            throw RegionKitError(.writeFailed, "\(path): cannot flush to disk: \(error.reason); nothing was written")
        }
    }

    /// The name the work folder of a file staged for `path` is made from: the file's name with `.work` after it.
    private static func workFolderName(for path: String) -> String {
        (path.split(separator: "/").last.map(String.init) ?? path) + ".work"
    }

    /// Creates the temporary file for `path` beside it, and its folder, and registers it for the commit.
    private func stage(_ path: String) throws(RegionKitError) -> StagedFileWriter {
        let (folder, fileName) = try Self.split(path)
        try prepare(folder)
        if OutputCalls.isFolder(path) {
            throw RegionKitError(.writeFailed, "\(path): is a folder, so no file can be written there; nothing was written")
        }
        let temporaryName = TemporaryFileName.make(for: fileName)
        let file = try StagedFileWriter(
            path: path, folder: folder, fileName: fileName, temporaryName: temporaryName,
            permissions: OutputCalls.permissions(of: path))
        staged.append(StagedFile(path: path, folder: folder, temporaryName: temporaryName))
        return file
    }

    /// Renames every staged file into place, then flushes the folders that changed. After a failure part-way, the
    /// files not yet renamed keep their old content and the message says how many were replaced.
    public func commit() throws(RegionKitError) {
        for (index, file) in staged.enumerated() {
            do {
                try OutputCalls.rename(file.temporaryPath, file.path)
            } catch {
                let done =
                    index == 0
                    ? "nothing was written" : "\(index) of \(staged.count) files were replaced before it"
                staged.removeFirst(index)
                rollback()
                committed = true
                throw RegionKitError(.writeFailed, "\(file.path): cannot move the new file into place: \(error.reason); \(done)")
            }
        }
        let changed = Set(staged.map(\.folder) + createdFolders.map(Self.parent(of:)))
        staged.removeAll()
        committed = true
        for folder in changed.sorted() {
            do {
                try OutputCalls.synchronizeFolder(folder)
            } catch {
                throw RegionKitError(
                    .writeFailed,
                    "\(folder): the new files are in place, but the folder cannot be flushed to disk: \(error.reason)")
            }
        }
    }

    /// Removes every staged temporary file.
    public func rollback() {
        for file in staged { OutputCalls.remove(file.temporaryPath) }
        staged.removeAll()
    }

    /// Creates a folder the first time a file is staged in it, and removes stale temporary files from it.
    private func prepare(_ folder: String) throws(RegionKitError) {
        guard !preparedFolders.contains(folder) else { return }
        do {
            createdFolders += try OutputCalls.makeFolders(folder)
        } catch {
            throw RegionKitError(
                .writeFailed, "\(error.folder): cannot create the folder: \(error.failure.reason); nothing was written")
        }
        TemporaryFileName.removeStale(in: folder)
        preparedFolders.insert(folder)
    }

    /// The folder and the name of a file path, as given (a bare name is in `.`).
    static func split(_ path: String) throws(RegionKitError) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else {
            guard !path.isEmpty else { throw RegionKitError(.writeFailed, "an empty path names no file; nothing was written") }
            return (".", path)
        }
        let name = String(path[path.index(after: slash)...])
        guard !name.isEmpty, name != ".", name != ".." else {
            throw RegionKitError(.writeFailed, "\(path): names a folder, not a file; nothing was written")
        }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, name)
    }

    private static func parent(of folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/") else { return "." }
        return slash == folder.startIndex ? "/" : String(folder[..<slash])
    }
}
