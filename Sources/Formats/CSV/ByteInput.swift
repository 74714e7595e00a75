import Foundation
import RegionKit

/// The bytes of a file, read in chunks and checked to be UTF-8 as they arrive, with the offset of each byte.
///
/// Only one chunk (and an incomplete character carried over from the one before) is held at a time. A byte that
/// cannot be part of UTF-8 text is not handed out: reaching it throws `ByteInputError.invalidUTF8` with its offset.
/// Nor is a NUL byte, which is UTF-8 but no text file holds: reaching it throws `ByteInputError.nul`.
final class ByteInput {
    /// How many bytes are read from the file at a time unless told otherwise.
    static let defaultChunkSize = 64 * 1024

    private let handle: FileHandle
    private let path: String
    /// How many bytes are read from the file at a time.
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    /// The next byte to hand out.
    private var index = 0
    /// The bytes before this index are checked UTF-8.
    private var checked = 0
    /// The offset in the file of `buffer[0]`.
    private var base = 0
    private var atEnd = false
    /// The offset and value of the first byte that is not UTF-8, once the check has found it.
    private var invalid: (offset: Int, byte: UInt8)?

    init(path: String, chunkSize: Int = ByteInput.defaultChunkSize) throws(RegionKitError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegionKitError(.fileNotFound, "\(path): no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw RegionKitError(.unreadable, "\(path): cannot be read (check its permissions)")
        }
        self.handle = handle
        self.path = path
        self.chunkSize = max(1, chunkSize)
    }

    deinit {
        try? handle.close()
    }

    /// The offset in the file of the next byte.
    var offset: Int { base + index }

    /// The next byte without taking it, or nil at the end of the file.
    @inline(__always)
    func peek() throws(ByteInputError) -> UInt8? {
        if index < checked { return buffer[index] }
        return try refill() ? buffer[index] : nil
    }

    /// Takes the next byte; call only after `peek` returned one.
    @inline(__always)
    func advance() {
        index += 1
    }

    /// Up to `count` checked bytes from the next one on, without taking them; fewer at the end of the file or
    /// before a byte that is not UTF-8.
    func lookahead(_ count: Int) throws(ByteInputError) -> ArraySlice<UInt8> {
        while checked - index < count, !atEnd, invalid == nil {
            try readChunk()
        }
        return buffer[index..<min(checked, index + count)]
    }

    /// Makes the next byte available; false at the end of the file.
    private func refill() throws(ByteInputError) -> Bool {
        while index >= checked {
            if let invalid {
                throw invalid.byte == 0 ? .nul(offset: invalid.offset) : .invalidUTF8(offset: invalid.offset, byte: invalid.byte)
            }
            if atEnd { return false }
            try readChunk()
        }
        return true
    }

    /// Drops the bytes already handed out, reads one more chunk and checks it.
    private func readChunk() throws(ByteInputError) {
        if index > 0 {
            buffer.removeFirst(index)
            base += index
            checked -= index
            index = 0
        }
        let data: Data?
        do {
            data = try handle.read(upToCount: chunkSize)
        } catch {
            throw .unreadable("\(path): cannot be read (\(error.localizedDescription))")
        }
        if let data, !data.isEmpty {
            buffer.append(contentsOf: data)
        } else {
            atEnd = true
        }
        check()
    }

    /// Extends the checked part over every complete, valid UTF-8 character; notes the first invalid byte.
    private func check() {
        var position = checked
        let count = buffer.count
        while position < count {
            let lead = buffer[position]
            if lead < 0x80 && lead != 0 {
                position += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default:
                // A NUL, or a byte no UTF-8 character starts with.
                invalid = (base + position, lead)
                checked = position
                return
            }
            for step in 1..<length {
                guard position + step < count else {
                    // An incomplete character: wait for the next chunk, unless the file has ended.
                    if atEnd { invalid = (base + position, lead) }
                    checked = position
                    return
                }
                let byte = buffer[position + step]
                let allowed = step == 1 ? (low...high) : (0x80...0xBF)
                guard allowed.contains(byte) else {
                    invalid = (base + position, lead)
                    checked = position
                    return
                }
            }
            position += length
        }
        checked = position
    }
}

/// Why the bytes of a file cannot be read as text.
enum ByteInputError: Error {
    /// The byte at `offset` (0-based) starts no valid UTF-8 character.
    case invalidUTF8(offset: Int, byte: UInt8)
    /// The byte at `offset` (0-based) is NUL.
    case nul(offset: Int)
    /// The file could not be read.
    case unreadable(String)
}
