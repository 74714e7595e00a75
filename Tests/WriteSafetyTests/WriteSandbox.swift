import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Scratch datasets, snapshots of folders, and the ways the write safety tests make a folder unwritable or full:
/// a private mount namespace (`unshare --mount --map-root-user`) where a read-only bind mount or a small tmpfs is
/// visible to the command under test only, and vanishes with it whatever happens.
enum WriteSandbox {
    /// A scratch folder holding a copy of the canonical dataset folder (`central-asia/`, with its source text) and
    /// of the Natural Earth boundaries beside it, as the map and GeoJSON formats look for them.
    static func scratchDataset() throws -> (folder: String, dataset: String) {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/natural-earth"), toPath: folder + "/natural-earth")
        return (folder, folder + "/central-asia/dataset.yaml")
    }

    /// Runs `regionkit` and fails with its output unless it exits 0.
    @discardableResult
    static func regionkit(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramRun {
        let run = try RegionKitBinary.run(arguments, environment: environment)
        guard run.status == 0 else { throw CommandFailure(command: "regionkit " + arguments.joined(separator: " "), run: run) }
        return run
    }

    /// Every file under a folder (hidden ones included) with its bytes.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in Repository.files(under: folder) {
            files[name] = FileManager.default.contents(atPath: folder + "/" + name)
        }
        return files
    }

    /// The temporary files of writes under a folder, by path relative to it.
    static func temporaryFiles(under folder: String) -> [String] {
        Repository.files(under: folder).filter { $0.split(separator: "/").contains { $0.hasPrefix(".regionkit-tmp-") } }
    }

    /// Runs `script` with `sh -c` in a private mount namespace, with `arguments` as `$1`, `$2`, …; it may mount
    /// file systems, which only it and its children see.
    static func inMountNamespace(_ script: String, _ arguments: [String]) throws -> ProgramRun {
        let run = try ProgramRun.tool("unshare", ["--mount", "--map-root-user", "/bin/sh", "-c", script, "sh"] + arguments)
        if run.stderr.hasPrefix("unshare:") {
            throw CommandFailure(
                command: "unshare --mount --map-root-user (these tests need root or unprivileged user namespaces)", run: run)
        }
        return run
    }

    /// Runs `regionkit` with `folder` made read-only by a read-only bind mount over it (errors: EROFS). The script
    /// first checks that a file can no longer be created there, so the test never passes without the failure.
    static func regionkitWithReadOnly(_ folder: String, _ arguments: [String]) throws -> ProgramRun {
        let script = """
            set -e
            mount --bind "$1" "$1"
            mount -o remount,bind,ro "$1"
            if touch "$1/.probe" 2>/dev/null; then echo "the read-only mount is writable" >&2; exit 99; fi
            shift
            exec "$@"
            """
        return try inMountNamespace(script, [folder, RegionKitBinary.path] + arguments)
    }

    /// Runs `regionkit` as a user without write permission on `folder` (errors: EACCES): the folders are made
    /// read-only (mode 0555), and when the tests run as root, whom permissions do not stop, the command runs as
    /// `nobody` through `setpriv`, from a copy of the binary that `nobody` can read. A probe checks first that the
    /// folder really refuses a new file.
    static func regionkitWithoutPermission(_ folder: String, _ arguments: [String]) throws -> ProgramRun {
        try setPermissions(under: folder, folders: 0o555)
        defer { try? setPermissions(under: folder, folders: 0o755) }
        if geteuid() != 0 {
            if FileManager.default.createFile(atPath: folder + "/.probe", contents: nil) {
                throw CommandFailure(command: "creating a file in \(folder) after chmod 0555", run: nil)
            }
            return try RegionKitBinary.run(arguments)
        }
        let bin = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: RegionKitBinary.path, toPath: bin + "/regionkit")
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        let probe = try ProgramRun.tool("setpriv", asNobody + ["/bin/sh", "-c", "touch \"$0/.probe\"", folder])
        if probe.status == 0 { throw CommandFailure(command: "nobody creating a file in \(folder) after chmod 0555", run: probe) }
        return try ProgramRun.tool("setpriv", asNobody + [bin + "/regionkit"] + arguments)
    }

    /// Sets the mode of `folder` and of every folder under it.
    static func setPermissions(under folder: String, folders mode: Int) throws {
        let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [])
        for path in [folder] + names.map({ folder + "/" + $0 }) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            }
        }
    }

    /// A process id that is certainly not running: that of a program that has just ended.
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}

/// A command that did not do what a test needs from it to go on.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    /// `run` is what the command did; nil when it succeeded where the test needs it to fail.
    init(command: String, run: ProgramRun?) {
        guard let run else {
            description = "\(command) succeeded, so this test cannot check the failure"
            return
        }
        description = "\(command) exited with \(run.status):\n\(run.stdout)\n\(run.stderr)"
    }
}
