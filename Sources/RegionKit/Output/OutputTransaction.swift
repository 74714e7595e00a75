import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A set of files written together: each goes to a temporary file beside its target, is flushed to disk, and only
/// `commit()` renames them all into place. A transaction dropped without a commit removes its temporary files,
/// so a failed command leaves earlier files exactly as they were.
public final class OutputTransaction {
    /// A file staged for writing.
    public struct StagedFile: Sendable, Hashable {
        /// Where the file goes.
        public let path: String
        /// Where its content waits until the commit.
        let temporaryPath: String
    }

    private var staged: [StagedFile] = []
    private var committed = false
    /// The prefix of temporary file names, recognisable and hidden.
    public static let temporaryPrefix = ".regionkit-tmp-"

    public init() {}

    deinit {
        if !committed { rollback() }
    }

    /// The target paths of the files staged so far, in order.
    public var paths: [String] { staged.map(\.path) }

    /// Stages `bytes` for `path`, creating its folder; nothing is visible at `path` until the commit.
    public func write(_ bytes: some Collection<UInt8>, to path: String) throws(RegionKitError) {
        try write(to: path) { file throws(RegionKitError) in try file.write(bytes) }
    }

    /// Stages a file for `path` that `produce` writes piece by piece, creating its folder; nothing is visible at
    /// `path` until the commit. If `produce` throws, the file is dropped with the rest of the transaction.
    public func write(
        to path: String, _ produce: (StagedFileWriter) throws(RegionKitError) -> Void
    ) throws(RegionKitError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw RegionKitError(.writeFailed, "\(folder): cannot create the folder (\(error.localizedDescription))")
        }
        let temporary = folder + "/" + Self.temporaryPrefix + "\(getpid())-\(staged.count)-" + url.lastPathComponent
        let file = try StagedFileWriter(path: path, temporaryPath: temporary)
        staged.append(StagedFile(path: path, temporaryPath: temporary))
        try produce(file)
        try file.finish()
    }

    /// Stages a UTF-8 text for `path`.
    public func write(_ text: String, to path: String) throws(RegionKitError) {
        try write(Array(text.utf8), to: path)
    }

    /// Renames every staged file into place. After a failure part-way, the files not yet renamed keep their old content.
    public func commit() throws(RegionKitError) {
        for (index, file) in staged.enumerated() {
            if rename(file.temporaryPath, file.path) != 0 {
                let error = Self.failure(file.path, "cannot move the new file into place")
                staged.removeFirst(index)
                rollback()
                committed = true
                throw error
            }
        }
        staged.removeAll()
        committed = true
    }

    /// Removes every staged temporary file.
    public func rollback() {
        for file in staged { unlink(file.temporaryPath) }
        staged.removeAll()
    }

    private static func failure(_ path: String, _ what: String) -> RegionKitError {
        RegionKitError(.writeFailed, "\(path): \(what): \(String(cString: strerror(errno)))")
    }
}
