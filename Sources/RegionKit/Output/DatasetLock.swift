import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a dataset file for the time of a read-modify-write, so two imports never interleave.
///
/// It is an advisory `flock` on `<dataset>.lock`: the kernel drops it when the process ends, even by SIGKILL, so a
/// crashed import never leaves the dataset locked. The lock file is removed on release.
public final class DatasetLock {
    /// The lock file's path.
    public let path: String
    private var descriptor: Int32

    /// Takes the lock for `datasetPath`, or throws at once when another process holds it.
    public init(for datasetPath: String) throws(RegionKitError) {
        path = datasetPath + ".lock"
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw RegionKitError(.writeFailed, "\(path): cannot create the lock file: \(String(cString: strerror(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                close(fd)
                throw RegionKitError(
                    .locked,
                    "\(datasetPath): another import is changing this dataset right now (lock file \(path)); try again when it has finished")
            }
            // The holder before us may have removed the file after we opened it: then our lock guards nothing.
            var opened = stat()
            var named = stat()
            if fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino, opened.st_dev == named.st_dev {
                descriptor = fd
                let pid = "\(getpid())\n"
                _ = ftruncate(fd, 0)
                _ = pid.withCString { write(fd, $0, strlen($0)) }
                return
            }
            close(fd)
        }
    }

    /// Releases the lock and removes the lock file.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
