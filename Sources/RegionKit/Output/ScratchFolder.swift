import Foundation

/// A private folder under the system's temporary folder (`$TMPDIR`) for the intermediate files of one run, such as a
/// plug-in's output or the exports `regionkit check` compares; it is removed with everything in it when it goes away.
///
/// Its name is `regionkit-<purpose>-<process id>-<random>`. A process killed by SIGKILL cannot remove its folder, so
/// creating a scratch folder removes the folders of the same purpose whose processes are no longer running.
public final class ScratchFolder {
    /// The folder's path.
    public let path: String
    private var removed = false

    /// Creates an empty folder that only this user can read; `purpose` is a short lowercase word (`plugin`, `check`).
    public init(purpose: String) throws(RegionKitError) {
        let parent = FileManager.default.temporaryDirectory.path
        let prefix = "regionkit-\(purpose)-"
        Self.removeStale(in: parent, prefix: prefix)
        path = parent + "/" + prefix + "\(OutputCalls.processID)-" + UUID().uuidString.lowercased()
        do {
            try OutputCalls.makeFolder(path, permissions: 0o700)
        } catch {
            throw RegionKitError(.writeFailed, "\(path): cannot create a temporary folder: \(error.reason)")
        }
    }

    deinit { remove() }

    /// Removes the folder and everything in it; later calls do nothing.
    public func remove() {
        guard !removed else { return }
        removed = true
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes the folders named `<prefix><process id>-…` in `parent` whose processes are no longer running.
    static func removeStale(in parent: String, prefix: String) {
        for name in OutputCalls.names(in: parent) where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard let owner = Int32(digits), rest.dropFirst(digits.count).first == "-", owner != OutputCalls.processID,
                !OutputCalls.isRunning(owner), OutputCalls.kind(of: parent + "/" + name) == .folder
            else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }
}
