/// A file read through one descriptor in chunks of a fixed size, so that only one chunk of it is in memory at a time.
/// Closes the descriptor when released.
final class FileByteSource: ByteSource {
    /// The name of the file in errors.
    let name: String
    private let descriptor: Int32
    /// The last chunk read, and the part of it not yet handed out.
    private let chunk: UnsafeMutableRawBufferPointer
    private var chunkStart = 0
    private var chunkEnd = 0
    let totalBytes: Int?

    /// Opens the file at `path`; an error names the file as `name`.
    init(path: String, name: String, chunkSize: Int) throws(YAMLError) {
        self.name = name
        do {
            descriptor = try FileCalls.openForReading(path)
        } catch {
            throw YAMLError(kind: .unreadable, message: "cannot be read: \(error.reason)", file: name)
        }
        chunk = .allocate(byteCount: max(chunkSize, 1), alignment: 16)
        totalBytes = FileCalls.regularFileSize(descriptor)
    }

    deinit {
        FileCalls.close(descriptor)
        chunk.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(YAMLError) -> Int {
        if chunkStart == chunkEnd {
            try refill()
        }
        let count = min(buffer.count, chunkEnd - chunkStart)
        guard count > 0 else { return 0 }
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: chunk[chunkStart..<(chunkStart + count)]))
        chunkStart += count
        return count
    }

    /// Reads the next chunk, whole unless the file ends: a pipe may hand out less at a time, and libyaml should see
    /// the same chunks whatever the timing (it reports a problem as soon as it decodes that far).
    private func refill() throws(YAMLError) {
        chunkStart = 0
        chunkEnd = 0
        while chunkEnd < chunk.count {
            let count: Int
            do {
                count = try FileCalls.read(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: chunk[chunkEnd...]))
            } catch {
                throw YAMLError(kind: .unreadable, message: "cannot be read: \(error.reason)", file: name)
            }
            guard count > 0 else { return }
            chunkEnd += count
        }
    }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        try? FileCalls.read(descriptor, at: offset, into: buffer)
    }
}
