#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes one staged file of an `OutputTransaction` piece by piece, so an exporter never holds a whole file.
///
/// Bytes are gathered in a small buffer and written out whenever it fills; the file is flushed to disk when
/// the transaction finishes it. The writer owns its file descriptor and closes it when it goes away.
public final class StagedFileWriter {
    /// The file this writer's bytes are meant for, as named in messages.
    public let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// How many bytes are gathered before they are written out.
    static let bufferSize = 64 * 1024

    init(path: String, temporaryPath: String) throws(RegionKitError) {
        self.path = path
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure(path, "cannot create a temporary file beside it") }
        buffer.reserveCapacity(Self.bufferSize)
    }

    deinit {
        close(descriptor)
    }

    /// Appends bytes to the file.
    public func write(_ bytes: some Collection<UInt8>) throws(RegionKitError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try drain() }
    }

    /// Appends the UTF-8 bytes of a text to the file.
    public func write(_ text: String) throws(RegionKitError) {
        try write(text.utf8)
    }

    /// Writes out what is buffered and flushes the file to disk.
    func finish() throws(RegionKitError) {
        try drain()
        guard fsync(descriptor) == 0 else { throw Self.failure(path, "cannot flush to disk") }
    }

    private func drain() throws(RegionKitError) {
        var written = 0
        while written < buffer.count {
            let result = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return systemWrite(descriptor, base + written, raw.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw Self.failure(path, "cannot write")
            }
            written += result
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func failure(_ path: String, _ what: String) -> RegionKitError {
        RegionKitError(.writeFailed, "\(path): \(what): \(String(cString: strerror(errno)))")
    }
}

/// The C `write` call, named apart from the Swift methods called `write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
    #else
        return Darwin.write(descriptor, bytes, count)
    #endif
}
