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
            let fd: Int32
            do {
                fd = try OutputCalls.openLockFile(path)
            } catch {
                throw RegionKitError(
                    .writeFailed, "\(path): cannot create the lock file beside the dataset: \(error.reason); nothing was written")
            }
            let locked: Bool
            do {
                locked = try OutputCalls.tryLock(fd)
            } catch {
                OutputCalls.closeQuietly(fd)
                throw RegionKitError(.writeFailed, "\(path): cannot lock the dataset: \(error.reason); nothing was written")
            }
            guard locked else {
                OutputCalls.closeQuietly(fd)
                throw RegionKitError(
                    .locked,
                    "\(datasetPath): another import is changing this dataset right now (lock file \(path)); try again when it has finished")
            }
            // The holder before us may have removed the file after we opened it: then our lock guards nothing.
            if OutputCalls.isStillNamed(fd, path) {
                descriptor = fd
                OutputCalls.replaceQuietly(fd, with: "\(OutputCalls.processID)\n")
                return
            }
            OutputCalls.closeQuietly(fd)
        }
    }

    /// Releases the lock and removes the lock file.
    public func release() {
        guard descriptor >= 0 else { return }
        OutputCalls.remove(path)
        OutputCalls.closeQuietly(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
