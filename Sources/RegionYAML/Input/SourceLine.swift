/// Reads one line of an input back, to quote it under an error. Errors are rare, so the input is scanned again from
/// its start instead of remembering where every line starts; only a block of it is in memory at a time.
struct SourceLine {
    /// The most characters quoted past the column an error points at; a longer line is cut and ends with "…".
    static let charactersAfterColumn = 256
    /// The furthest into a line, in bytes, a column is looked for; past it the line is not quoted.
    static let maxBytesBeforeColumn = 1 << 16
    /// Bytes read at a time.
    private static let blockSize = 1 << 16

    private let source: any ByteSource
    private var block: [UInt8] = []
    private var blockOffset = 0
    private var failed = false

    init(in source: any ByteSource) {
        self.source = source
    }

    /// The text of a 1-based line, without its line break, cut after the 1-based `column` and some context; nil if
    /// the input has no such line, the column is too far into it, or the input cannot be read again.
    mutating func text(ofLine line: Int, column: Int) -> String? {
        guard line >= 1, column >= 1 else { return nil }
        var offset = 0
        if byte(at: 0) == 0xEF && byte(at: 1) == 0xBB && byte(at: 2) == 0xBF {
            offset = 3
        }
        var current = 1
        while current < line {
            guard byte(at: offset) != nil else { return nil }
            let length = lineBreakLength(at: offset)
            if length > 0 {
                current += 1
                offset += length
            } else {
                offset += 1
            }
        }
        guard !failed else { return nil }
        var text: [UInt8] = []
        var characters = 0
        let limit = column + Self.charactersAfterColumn
        while let byte = byte(at: offset), lineBreakLength(at: offset) == 0 {
            if byte & 0xC0 != 0x80 {
                guard characters < limit else {
                    return String(decoding: text, as: UTF8.self) + "…"
                }
                characters += 1
            }
            if characters < column && text.count > Self.maxBytesBeforeColumn { return nil }
            text.append(byte)
            offset += 1
        }
        return failed ? nil : String(decoding: text, as: UTF8.self)
    }

    /// The byte at an offset, reading the block that holds it; nil past the end or when the input cannot be read.
    private mutating func byte(at offset: Int) -> UInt8? {
        if offset < blockOffset || offset >= blockOffset + block.count {
            guard !failed, fill(at: offset) else { return nil }
        }
        return block[offset - blockOffset]
    }

    private mutating func fill(at offset: Int) -> Bool {
        block = [UInt8](repeating: 0, count: Self.blockSize)
        let count = block.withUnsafeMutableBytes { source.read(at: offset, into: $0) }
        guard let count else {
            failed = true
            block = []
            return false
        }
        block.removeSubrange(count...)
        blockOffset = offset
        return count > 0
    }

    /// The length in bytes of the line break at `offset`, or 0 if there is none (as libyaml counts them).
    private mutating func lineBreakLength(at offset: Int) -> Int {
        switch byte(at: offset) {
        case 0x0A:
            return 1
        case 0x0D:
            return byte(at: offset + 1) == 0x0A ? 2 : 1
        case 0xC2:
            return byte(at: offset + 1) == 0x85 ? 2 : 0
        case 0xE2:
            guard byte(at: offset + 1) == 0x80 else { return 0 }
            let third = byte(at: offset + 2)
            return third == 0xA8 || third == 0xA9 ? 3 : 0
        default:
            return 0
        }
    }
}
