/// The names of the temporary files an `OutputTransaction` writes beside their targets, and the clean-up of those
/// left behind by a process that was killed before it could remove them.
///
/// A name is `.regionkit-tmp-<process id>-<random>-<file name>`: hidden, recognisable, unique, and it says which
/// process wrote it. The same names serve the work folders of libraries that write a staged file themselves
/// (`OutputTransaction.withStagedPath(for:_:)`); whatever is inside such a folder is temporary too. A process that dies by SIGKILL or a power cut cannot remove its temporary files; the next
/// transaction that writes into the same folder removes every such file whose process is no longer running.
public enum TemporaryFileName {
    /// The prefix of every temporary file name.
    public static let prefix = ".regionkit-tmp-"

    /// Whether a file name (the last part of a path) is one of RegionKit's temporary files.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(prefix)
    }

    /// A new temporary name for a file called `fileName`, owned by this process.
    static func make(for fileName: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let name = prefix + "\(OutputCalls.processID)-\(random)"
        // Keep the whole name within the usual limit of 255 bytes.
        return fileName.utf8.count <= 200 ? name + "-" + fileName : name
    }

    /// The id of the process that wrote a temporary file, read from its name.
    static func processID(of name: String) -> Int32? {
        guard isTemporary(name) else { return nil }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        return Int32(digits)
    }

    /// Removes the temporary files in `folder` that processes no longer running left behind, and their temporary
    /// folders with what is in them; returns their names. Those of running processes (this one included) and
    /// anything that is neither a regular file nor a folder are left alone.
    @discardableResult
    static func removeStale(in folder: String) -> [String] {
        var removed: [String] = []
        for name in OutputCalls.names(in: folder).sorted() {
            guard let owner = processID(of: name), owner != OutputCalls.processID, !OutputCalls.isRunning(owner) else { continue }
            let path = folder + "/" + name
            switch OutputCalls.kind(of: path) {
            case .file: OutputCalls.remove(path)
            case .folder: OutputCalls.removeTree(path)
            case .other, nil: continue
            }
            removed.append(name)
        }
        return removed
    }
}
