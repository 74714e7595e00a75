/// The bytes of a document being read, for turning libyaml's positions into marks and for quoting source lines.
///
/// Line breaks are counted as libyaml counts them: LF, CR, CR LF, NEL (U+0085), LS (U+2028) and PS (U+2029).
/// A leading UTF-8 byte-order mark is not part of line 1.
struct YAMLSource {
    /// The input, exactly as given.
    let bytes: [UInt8]
    /// 3 when the input starts with a UTF-8 byte-order mark, else 0.
    let bomLength: Int

    /// The character index and byte offset last converted, so that converting increasing indexes is linear overall.
    private var cursorIndex = 0
    private var cursorOffset: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        cursorOffset = bomLength
    }

    /// The mark for libyaml's 0-based line and column and its character index (characters after the byte-order mark).
    mutating func mark(line: Int, column: Int, characterIndex: Int) -> YAMLMark {
        YAMLMark(line: line + 1, column: column + 1, offset: byteOffset(ofCharacterIndex: characterIndex))
    }

    /// The byte offset of the character with the given index, counting characters after the byte-order mark.
    mutating func byteOffset(ofCharacterIndex index: Int) -> Int {
        if index < cursorIndex {
            cursorIndex = 0
            cursorOffset = bomLength
        }
        while cursorIndex < index && cursorOffset < bytes.count {
            cursorOffset = offsetAfterCharacter(at: cursorOffset)
            cursorIndex += 1
        }
        return cursorOffset
    }

    /// The mark of a byte offset (as libyaml reports for reader errors), found by counting lines and characters.
    func mark(atByteOffset target: Int) -> YAMLMark {
        let end = min(max(target, bomLength), bytes.count)
        var line = 1
        var column = 1
        var offset = bomLength
        while offset < end {
            let breakLength = lineBreakLength(at: offset)
            if breakLength > 0 {
                line += 1
                column = 1
                offset += breakLength
            } else {
                column += 1
                offset = offsetAfterCharacter(at: offset)
            }
        }
        return YAMLMark(line: line, column: column, offset: max(target, 0))
    }

    /// The text of a 1-based line, without its line break; nil if the input has no such line.
    func lineText(_ line: Int) -> String? {
        guard line >= 1 else { return nil }
        var start = bomLength
        var current = 1
        while current < line {
            guard let lineBreak = nextLineBreak(from: start) else { return nil }
            start = lineBreak.offset + lineBreak.length
            current += 1
        }
        let end = nextLineBreak(from: start)?.offset ?? bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The first line break at or after `offset`, with its length in bytes.
    private func nextLineBreak(from offset: Int) -> (offset: Int, length: Int)? {
        var position = offset
        while position < bytes.count {
            let length = lineBreakLength(at: position)
            if length > 0 { return (position, length) }
            position += 1
        }
        return nil
    }

    /// The length in bytes of the line break at `offset`, or 0 if there is none.
    private func lineBreakLength(at offset: Int) -> Int {
        let count = bytes.count
        switch bytes[offset] {
        case 0x0A:
            return 1
        case 0x0D:
            return offset + 1 < count && bytes[offset + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return offset + 1 < count && bytes[offset + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard offset + 2 < count, bytes[offset + 1] == 0x80 else { return 0 }
            return bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9 ? 3 : 0
        default:
            return 0
        }
    }

    /// The offset just past the UTF-8 character starting at `offset` (its lead byte and continuation bytes).
    private func offsetAfterCharacter(at offset: Int) -> Int {
        var next = offset + 1
        while next < bytes.count && bytes[next] & 0xC0 == 0x80 {
            next += 1
        }
        return next
    }
}
