#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls that write files, take locks and look at processes, each behind one wrapper: retried when a
/// signal interrupts it, and its failure returned with the text of `errno`.
enum OutputCalls {
    /// A failed call: the `errno` and what the system says it means, in lower case ("no space left on device").
    struct Failure: Error {
        var code: Int32
        var reason: String

        /// The failure of the call that just returned, from `errno`.
        static func last() -> Failure {
            let code = errno
            return Failure(code: code, reason: OutputCalls.describe(code))
        }
    }

    /// The text of an `errno` value, its first letter in lower case so that it reads inside a sentence.
    static func describe(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        guard let first = text.first, text.dropFirst().first?.isUppercase != true else { return text }
        return first.lowercased() + text.dropFirst()
    }

    // MARK: Files

    /// Creates a new file at `path` for writing (closed on exec), failing if anything is there already.
    static func createNew(_ path: String, permissions: UInt32) throws(Failure) -> Int32 {
        try retrying { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions)) }
    }

    /// Writes every byte of `bytes` at the descriptor's position.
    static func write(_ descriptor: Int32, _ bytes: [UInt8]) throws(Failure) {
        let failure = bytes.withUnsafeBytes { raw -> Failure? in
            guard let base = raw.baseAddress else { return nil }
            var written = 0
            while written < raw.count {
                let count = systemWrite(descriptor, base + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return Failure.last()
                }
                written += count
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// Flushes the file's data and metadata to the disk.
    static func synchronize(_ descriptor: Int32) throws(Failure) {
        _ = try retrying { fsync(descriptor) }
    }

    /// Flushes the data and metadata of the file at `path` to the disk, whoever wrote it.
    static func synchronizeFile(_ path: String) throws(Failure) {
        let descriptor = try retrying { open(path, O_RDONLY | O_CLOEXEC) }
        do {
            try synchronize(descriptor)
        } catch {
            closeQuietly(descriptor)
            throw error
        }
        try close(descriptor)
    }

    /// Closes a descriptor; a failure here can mean that written data was lost.
    static func close(_ descriptor: Int32) throws(Failure) {
        if systemClose(descriptor) != 0 && errno != EINTR { throw Failure.last() }
    }

    /// Closes a descriptor whose data does not matter (a lock, a folder, a file already given up).
    static func closeQuietly(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    /// Gives the file the permission bits `permissions` (such as those of the file it replaces).
    static func setPermissions(_ descriptor: Int32, _ permissions: UInt32) {
        _ = fchmod(descriptor, mode_t(permissions))
    }

    /// Truncates the file and writes `text` at its start, ignoring failures (a lock file's note of its holder).
    static func replaceQuietly(_ descriptor: Int32, with text: String) {
        guard ftruncate(descriptor, 0) == 0 else { return }
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { raw in pwrite(descriptor, raw.baseAddress, raw.count, 0) }
    }

    /// Renames `from` to `to`, replacing `to` atomically.
    static func rename(_ from: String, _ to: String) throws(Failure) {
        _ = try retrying { systemRename(from, to) }
    }

    /// Removes a file; a file already gone is no failure.
    static func remove(_ path: String) {
        _ = unlink(path)
    }

    // MARK: Folders

    /// Creates `path` and the folders above it that are missing; returns the folders created, outermost first.
    /// A failure names the folder that could not be created.
    static func makeFolders(_ path: String) throws(FolderFailure) -> [String] {
        var missing: [String] = []
        var current = path
        while !current.isEmpty, current != "/", !isFolder(current) {
            missing.append(current)
            guard let slash = current.lastIndex(of: "/") else { break }
            current = String(current[..<slash])
        }
        var created: [String] = []
        for folder in missing.reversed() {
            if mkdir(folder, 0o777) == 0 {
                created.append(folder)
                continue
            }
            let failure = Failure.last()
            if failure.code != EEXIST || !isFolder(folder) { throw FolderFailure(folder: folder, failure: failure) }
        }
        guard isFolder(path) else {
            throw FolderFailure(folder: path, failure: Failure(code: ENOTDIR, reason: describe(ENOTDIR)))
        }
        return created
    }

    /// Creates one folder with the given permission bits; its parent must exist.
    static func makeFolder(_ path: String, permissions: UInt32) throws(Failure) {
        _ = try retrying { mkdir(path, mode_t(permissions)) }
    }

    /// Removes a folder and everything in it, without following symbolic links; what cannot be removed stays.
    static func removeTree(_ path: String) {
        for name in names(in: path) {
            let inner = path + "/" + name
            if kind(of: inner) == .folder { removeTree(inner) } else { remove(inner) }
        }
        _ = rmdir(path)
    }

    /// A folder that could not be created, and why.
    struct FolderFailure: Error {
        var folder: String
        var failure: Failure
    }

    /// Flushes a folder's entries (names created, renamed or removed in it) to the disk. File systems that cannot
    /// flush a folder are no failure.
    static func synchronizeFolder(_ path: String) throws(Failure) {
        let descriptor = try retrying { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { closeQuietly(descriptor) }
        do {
            try synchronize(descriptor)
        } catch {
            if error.code == EINVAL || error.code == ENOTSUP || error.code == EROFS { return }
            throw error
        }
    }

    /// The names in a folder, without `.` and `..`; empty when it cannot be read.
    static func names(in folder: String) -> [String] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            // The name is read in place, up to its NUL: an entry is only as long as its name (`d_reclen`), so a copy
            // of the whole `d_name` array reads past the end of the last entry that `readdir` buffered.
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                String(cString: UnsafeRawPointer(field).assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// What is at a path, not following a symbolic link at its end.
    enum Kind { case file, folder, other }

    /// What is at `path`, or nil when nothing is.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// Whether `path` is a folder, or a symbolic link to one.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The permission bits of the file at `path` (following symbolic links), or nil when there is none.
    static func permissions(of path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return UInt32(info.st_mode & 0o7777)
    }

    // MARK: Locks

    /// Opens (creating it if needed) a lock file for reading and writing, closed on exec.
    static func openLockFile(_ path: String) throws(Failure) -> Int32 {
        try retrying { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644) }
    }

    /// Takes an exclusive `flock` on the descriptor without waiting; false when another descriptor holds it.
    static func tryLock(_ descriptor: Int32) throws(Failure) -> Bool {
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { return false }
            throw Failure.last()
        }
        return true
    }

    /// Whether the descriptor is still the file named `path` (not removed or replaced since it was opened).
    static func isStillNamed(_ descriptor: Int32, _ path: String) -> Bool {
        var opened = stat()
        var named = stat()
        return fstat(descriptor, &opened) == 0 && stat(path, &named) == 0 && opened.st_ino == named.st_ino
            && opened.st_dev == named.st_dev
    }

    // MARK: Processes

    /// This process's id.
    static var processID: Int32 { getpid() }

    /// Whether a process with this id exists (one of another user's counts, since it cannot be signalled).
    static func isRunning(_ processID: Int32) -> Bool {
        guard processID > 0 else { return false }
        return kill(processID, 0) == 0 || errno == EPERM
    }

    /// Makes a write past the process's file size limit fail with `EFBIG` instead of ending the process.
    static func ignoreFileSizeSignal() {
        _ = signal(SIGXFSZ, SIG_IGN)
    }

    // MARK: Helpers

    /// Runs a call that returns -1 and sets `errno` on failure, again while a signal interrupts it.
    private static func retrying(_ call: () -> Int32) throws(Failure) -> Int32 {
        while true {
            let result = call()
            if result >= 0 { return result }
            if errno != EINTR { throw Failure.last() }
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
            return Darwin.write(descriptor, base, count)
        #elseif canImport(Musl)
            return Musl.write(descriptor, base, count)
        #else
            return Glibc.write(descriptor, base, count)
        #endif
    }

    private static func systemClose(_ descriptor: Int32) -> Int32 {
        #if canImport(Darwin)
            return Darwin.close(descriptor)
        #elseif canImport(Musl)
            return Musl.close(descriptor)
        #else
            return Glibc.close(descriptor)
        #endif
    }

    private static func systemRename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Darwin)
            return Darwin.rename(from, to)
        #elseif canImport(Musl)
            return Musl.rename(from, to)
        #else
            return Glibc.rename(from, to)
        #endif
    }
}
