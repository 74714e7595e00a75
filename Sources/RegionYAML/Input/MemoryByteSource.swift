/// Bytes already in memory, handed out in chunks of at most `chunkSize` bytes.
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var position = 0

    var totalBytes: Int? { bytes.count }

    init(_ bytes: [UInt8], chunkSize: Int) {
        self.bytes = bytes
        self.chunkSize = max(chunkSize, 1)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = copy(from: position, into: buffer, atMost: chunkSize)
        position += count
        return count
    }

    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        copy(from: offset, into: buffer, atMost: buffer.count)
    }

    private func copy(from offset: Int, into buffer: UnsafeMutableRawBufferPointer, atMost limit: Int) -> Int {
        guard offset >= 0, offset < bytes.count else { return 0 }
        let count = min(buffer.count, limit, bytes.count - offset)
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
        }
        return count
    }
}
