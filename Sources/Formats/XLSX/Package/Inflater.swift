internal import CZlib

/// Why compressed data could not be inflated: zlib's message.
struct InflateError: Error {
    let message: String
}

/// A raw deflate decompressor over zlib: owns one `z_stream` (at a fixed address, as zlib requires) and ends it in
/// `deinit`. The caller hands it input and output buffers and sees what it consumed and produced, so it decides
/// itself when input has run out: a stream cut short is never waited on.
final class Inflater {
    /// What one call did.
    struct Step {
        var consumed: Int
        var produced: Int
        /// Whether the deflate stream has reached its last block's end.
        var ended: Bool
    }

    private let stream: UnsafeMutablePointer<z_stream>

    init() throws(InflateError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Negative window bits: raw deflate, as ZIP stores it, without a zlib header.
        let status = inflateInit2_(stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw InflateError(message: "zlib cannot start inflating (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates from `input` into `output`, as much as both allow.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(InflateError) -> Step {
        guard let inputBase = input.baseAddress, let outputBase = output.baseAddress else {
            return Step(consumed: 0, produced: 0, ended: false)
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBase.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let step = Step(
            consumed: input.count - Int(stream.pointee.avail_in), produced: output.count - Int(stream.pointee.avail_out),
            ended: status == Z_STREAM_END)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch status {
        case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
            return step
        default:
            let detail = stream.pointee.msg.map { String(cString: $0) } ?? "status \(status)"
            throw InflateError(message: detail)
        }
    }

    /// The CRC-32 of `bytes` continued from `crc` (zlib's, which ZIP uses).
    static func crc32(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(truncatingIfNeeded: CZlib.crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }
}
