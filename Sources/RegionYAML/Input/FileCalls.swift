#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls the file input makes, each behind one wrapper: retried when a signal interrupts it, and its
/// failure returned as the text of `errno`.
enum FileCalls {
    /// A failed call: what the system says went wrong.
    struct Failure: Error {
        var reason: String
    }

    /// Opens the file at `path` for reading (closed on exec); returns its descriptor.
    static func openForReading(_ path: String) throws(Failure) -> Int32 {
        while true {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw lastFailure() }
        }
    }

    /// Reads up to `buffer.count` bytes from the descriptor's current position; 0 at the end of the file.
    static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw lastFailure() }
        }
    }

    /// Reads up to `buffer.count` bytes at a byte offset without moving the descriptor's position; 0 past the end.
    static func read(_ descriptor: Int32, at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = pread(descriptor, base, buffer.count, off_t(offset))
            if count >= 0 { return count }
            if errno != EINTR { throw lastFailure() }
        }
    }

    /// The size in bytes of the regular file open on a descriptor; nil for a pipe, a device or when it cannot be told.
    static func regularFileSize(_ descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Closes a descriptor. A descriptor that was only read from has nothing to lose, so a failure is ignored.
    static func close(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    private static func systemRead(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Darwin)
            return Darwin.read(descriptor, base, count)
        #elseif canImport(Musl)
            return Musl.read(descriptor, base, count)
        #else
            return Glibc.read(descriptor, base, count)
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

    private static func lastFailure() -> Failure {
        Failure(reason: String(cString: strerror(errno)))
    }
}
