import Foundation

/// A folder of this fuzzer process's own for the files that readers take by path, reused from one input to the
/// next and removed when the process exits normally. Its name holds the process id, so fuzzers running side by
/// side (`-jobs`, `-fork`) never share one. It is in `$TMPDIR`, which `fuzz.sh` points at memory (`/dev/shm`) where
/// the machine has that: exports flush every file they write, which on a disk would take most of a run.
public enum Scratch {
    /// The folder, created on first use.
    public static let folder: String = {
        let path = FileManager.default.temporaryDirectory.path + "/regionkit-fuzz-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            Check.fail("cannot create the scratch folder \(path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: Scratch.folder) }
        return path
    }()

    /// The path of `name` inside the folder, creating the folders between.
    public static func path(_ name: String) -> String {
        let path = folder + "/" + name
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                Check.fail("cannot create the scratch folder \(parent): \(error)")
            }
        }
        return path
    }

    /// Writes `bytes` to `name` inside the folder, replacing what was there; returns the file's path.
    @discardableResult
    public static func write(_ bytes: some Collection<UInt8>, to name: String) -> String {
        let path = path(name)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            Check.fail("cannot write the scratch file \(path)")
        }
        return path
    }
}
