/// Follows the bytes fed to libyaml so that its marks (a character index, a line and a column) get byte offsets, and
/// a reader error's byte offset gets a line and a column, keeping only the bytes past the events already read.
///
/// Characters are counted as libyaml counts them: each UTF-8 lead byte is one (so a CR LF pair is two), and a
/// leading byte-order mark is not counted. Line breaks are LF, CR, CR LF, NEL (U+0085), LS (U+2028) and PS (U+2029).
/// Input is taken to be UTF-8, as the rest of RegionKit takes it.
struct InputPositions {
    /// A place in the input.
    struct Position {
        /// The byte offset from the start of the input, byte-order mark included.
        var offset: Int
        /// libyaml's character index: characters after the byte-order mark.
        var index: Int
        /// The 1-based line.
        var line: Int
        /// The 1-based column, in characters.
        var column: Int

        static let start = Position(offset: 0, index: 0, line: 1, column: 1)
    }

    /// The bytes fed from `base` on, starting at `window[head]`; bytes before `head` are dropped from time to time.
    private var window: [UInt8] = []
    private var head = 0
    /// The earliest place still asked about; nothing before it is kept.
    private(set) var base = Position.start
    /// The byte offset and character index converted last, so that increasing indexes take one pass over the bytes.
    private var cursorOffset = 0
    private var cursorIndex = 0
    /// How many bytes were fed in all.
    private(set) var fed = 0
    private var byteOrderMarkSettled = false

    /// Drop the bytes before `head` once this many have gathered and they are at least half the window.
    private static let compactionThreshold = 1 << 16

    /// Records bytes just handed to libyaml.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        window.append(contentsOf: bytes)
        fed += bytes.count
    }

    /// The byte offset of libyaml's character index. Indexes before `base` are no longer known and give its offset.
    mutating func offset(ofIndex index: Int) -> Int {
        settleByteOrderMark()
        if index < cursorIndex {
            cursorOffset = base.offset
            cursorIndex = base.index
        }
        guard index > cursorIndex else { return index == cursorIndex ? cursorOffset : base.offset }
        var position = head + (cursorOffset - base.offset)
        var current = cursorIndex
        window.withUnsafeBufferPointer { bytes in
            let end = bytes.count
            while current < index && position < end {
                position += 1
                while position < end && bytes[position] & 0xC0 == 0x80 {
                    position += 1
                }
                current += 1
            }
        }
        cursorOffset = base.offset + (position - head)
        cursorIndex = current
        return cursorOffset
    }

    /// Forgets everything before `position`, a place converted earlier (its offset from `offset(ofIndex:)`).
    mutating func advance(to position: Position) {
        settleByteOrderMark()
        guard position.offset > base.offset else { return }
        head += min(position.offset - base.offset, window.count - head)
        base = position
        if cursorIndex < base.index {
            cursorOffset = base.offset
            cursorIndex = base.index
        }
        if head >= Self.compactionThreshold && head * 2 >= window.count {
            window.removeSubrange(0..<head)
            head = 0
        }
    }

    /// The mark of a byte offset at or after `base` (libyaml reports reader errors by byte offset), found by
    /// counting line breaks and characters from `base`.
    mutating func mark(atOffset target: Int) -> YAMLMark {
        settleByteOrderMark()
        var line = base.line
        var column = base.column
        window.withUnsafeBufferPointer { bytes in
            var position = head
            let end = min(head + max(target - base.offset, 0), bytes.count)
            while position < end {
                let breakLength = Self.lineBreakLength(in: bytes, at: position)
                if breakLength > 0 {
                    line += 1
                    column = 1
                    position += breakLength
                } else {
                    column += 1
                    position += 1
                    while position < end && bytes[position] & 0xC0 == 0x80 {
                        position += 1
                    }
                }
            }
        }
        return YAMLMark(line: line, column: column, offset: max(target, 0))
    }

    /// Skips a leading byte-order mark, which libyaml does not count as a character. libyaml has read at least
    /// three bytes (or the whole input) before it reports anything, so the first call can tell.
    private mutating func settleByteOrderMark() {
        guard !byteOrderMarkSettled else { return }
        byteOrderMarkSettled = true
        if window.count >= 3 && window[0] == 0xEF && window[1] == 0xBB && window[2] == 0xBF {
            head = 3
            base.offset = 3
            cursorOffset = 3
        }
    }

    /// The length in bytes of the line break at `offset`, or 0 if there is none.
    static func lineBreakLength(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
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
}
