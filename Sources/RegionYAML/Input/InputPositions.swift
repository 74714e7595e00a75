/// Follows the bytes fed to libyaml so that its marks (a character index, a line and a column) get byte offsets, and
/// a reader error's byte offset gets a line and a column, keeping at most about 1 MiB of the input in memory.
///
/// Only places at or after `base` (the end of the last event but one) are asked about. The bytes from there on are
/// kept, unless a single node runs on for more than `maxWindowBytes`: then the older ones are dropped, with a
/// checkpoint (offset, index, line and column) every 64 KiB, and read again from the input if a place among them is
/// asked about (an input that cannot be read again, a pipe, then gives the checkpoint's offset).
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

    /// The most bytes kept past `windowStart` before the older ones are dropped.
    static let maxWindowBytes = 1 << 20
    /// The bytes between two checkpoints in the dropped part.
    static let checkpointSpacing = 1 << 16

    /// The input, to read dropped bytes again.
    private let source: any ByteSource
    /// The bytes fed from `windowStart` on, starting at `window[head]`; bytes before `head` are dropped from time to time.
    private var window: [UInt8] = []
    private var head = 0
    /// The place of `window[head]`: `base`, or a later place when bytes were dropped.
    private var windowStart = Position.start
    /// Places from `base` (first) to before `windowStart`, when bytes between them were dropped; else empty.
    private var checkpoints: [Position] = []
    /// The earliest place still asked about; nothing before it is kept.
    private(set) var base = Position.start
    /// The byte offset and character index converted last (in the window), so that increasing indexes take one
    /// pass over the bytes.
    private var cursorOffset = 0
    private var cursorIndex = 0
    /// How many bytes were fed in all.
    private(set) var fed = 0
    private var byteOrderMarkSettled = false

    init(source: any ByteSource) {
        self.source = source
    }

    /// Records bytes just handed to libyaml.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        window.append(contentsOf: bytes)
        fed += bytes.count
        if window.count - head > Self.maxWindowBytes {
            dropOlderBytes()
        }
    }

    /// The byte offset of libyaml's character index. Indexes before `base` are no longer known and give its offset.
    mutating func offset(ofIndex index: Int) -> Int {
        settleByteOrderMark()
        guard index >= windowStart.index else {
            guard let checkpoint = checkpoints.last(where: { $0.index <= index }) else { return base.offset }
            return reread(from: checkpoint, until: .index(index))?.offset ?? checkpoint.offset
        }
        if index < cursorIndex {
            cursorOffset = windowStart.offset
            cursorIndex = windowStart.index
        }
        guard index > cursorIndex else { return cursorOffset }
        var position = head + (cursorOffset - windowStart.offset)
        var current = cursorIndex
        window.withUnsafeBufferPointer { bytes in
            let end = bytes.count
            guard let start = bytes.baseAddress else { return }
            while current < index && position < end {
                // Eight ASCII bytes at a time are eight characters.
                if index - current >= 8 && end - position >= 8 {
                    let word = UnsafeRawPointer(start + position).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        position += 8
                        current += 8
                        continue
                    }
                }
                position += 1
                while position < end && bytes[position] & 0xC0 == 0x80 {
                    position += 1
                }
                current += 1
            }
        }
        cursorOffset = windowStart.offset + (position - head)
        cursorIndex = current
        return cursorOffset
    }

    /// Forgets everything before `position`, a place converted earlier (its offset from `offset(ofIndex:)`).
    mutating func advance(to position: Position) {
        settleByteOrderMark()
        guard position.offset > base.offset else { return }
        base = position
        guard position.offset >= windowStart.offset else {
            checkpoints = [position] + checkpoints.filter { $0.offset > position.offset }
            return
        }
        head += min(position.offset - windowStart.offset, window.count - head)
        windowStart = position
        checkpoints = []
        if cursorIndex < position.index {
            cursorOffset = position.offset
            cursorIndex = position.index
        }
        compact()
    }

    /// The mark of a byte offset at or after `base` (libyaml reports reader errors by byte offset), found by
    /// counting line breaks and characters from the nearest known place before it.
    mutating func mark(atOffset target: Int) -> YAMLMark {
        settleByteOrderMark()
        let target = max(target, 0)
        var position = windowStart
        if target < windowStart.offset {
            guard let checkpoint = checkpoints.last(where: { $0.offset <= target }) else {
                return YAMLMark(line: base.line, column: base.column, offset: target)
            }
            position = reread(from: checkpoint, until: .offset(target)) ?? checkpoint
        } else {
            window.withUnsafeBufferPointer { bytes in
                _ = Self.walk(bytes, from: head, to: bytes.count, position: &position, until: .offset(target))
            }
        }
        return YAMLMark(line: position.line, column: position.column, offset: target)
    }

    // MARK: Dropping and reading again

    /// Drops all but the last half of the window, leaving checkpoints every `checkpointSpacing` bytes.
    private mutating func dropOlderBytes() {
        settleByteOrderMark()
        if checkpoints.isEmpty {
            checkpoints = [windowStart]
        }
        let dropTo = windowStart.offset + (window.count - head) - Self.maxWindowBytes / 2
        var position = windowStart
        var reached = head
        window.withUnsafeBufferPointer { bytes in
            while position.offset < dropTo {
                let next = min(position.offset + Self.checkpointSpacing, dropTo)
                reached = Self.walk(bytes, from: reached, to: bytes.count, position: &position, until: .offset(next))
                if position.offset < dropTo {
                    checkpoints.append(position)
                }
            }
        }
        windowStart = position
        head = reached
        if cursorIndex < position.index {
            cursorOffset = position.offset
            cursorIndex = position.index
        }
        compact()
    }

    /// Reads the input again from a checkpoint until `done` holds for a place (or the input ends); nil when the input
    /// cannot be read again.
    private func reread(from checkpoint: Position, until target: Target) -> Position? {
        var position = checkpoint
        var buffer = [UInt8](repeating: 0, count: Self.checkpointSpacing)
        while !target.isReached(by: position) {
            let count = buffer.withUnsafeMutableBytes { source.read(at: position.offset, into: $0) }
            guard let count else { return nil }
            guard count > 0 else { return position }
            // A character or line break that starts in the block is at most 4 bytes long: stop 3 bytes short of the
            // block's end unless the input ends there, so that none is cut.
            let usable = count < buffer.count ? count : count - 3
            buffer.withUnsafeBufferPointer { bytes in
                _ = Self.walk(UnsafeBufferPointer(rebasing: bytes[0..<count]), from: 0, to: usable, position: &position, until: target)
            }
        }
        return position
    }

    /// Where a walk stops: at the first place whose byte offset, or whose character index, reaches a value.
    enum Target {
        case offset(Int)
        case index(Int)

        func isReached(by position: Position) -> Bool {
            switch self {
            case .offset(let offset): return position.offset >= offset
            case .index(let index): return position.index >= index
            }
        }

        /// How many one-byte characters can be passed from `position` before the target is reached.
        func distance(from position: Position) -> Int {
            switch self {
            case .offset(let offset): return offset - position.offset
            case .index(let index): return index - position.index
            }
        }
    }

    /// Walks characters starting before `limit` from `start` (the byte of `position`), moving `position` over each,
    /// until `target` is reached; returns the index of the byte reached. A run of ASCII bytes that are not line
    /// breaks, the bulk of any input, is passed in one step: each is one byte, one character and one column.
    private static func walk(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to limit: Int, position: inout Position, until target: Target
    ) -> Int {
        var offset = start
        while offset < limit && !target.isReached(by: position) {
            let runEnd = min(limit, offset + target.distance(from: position))
            var run = offset
            while run < runEnd {
                let byte = bytes[run]
                if byte >= 0x80 || byte == 0x0A || byte == 0x0D { break }
                run += 1
            }
            if run > offset {
                let passed = run - offset
                position.offset += passed
                position.index += passed
                position.column += passed
                offset = run
                continue
            }
            let breakLength = lineBreakLength(in: bytes, at: offset)
            let width: Int
            if breakLength > 0 {
                width = breakLength
                position.index += breakLength == 2 && bytes[offset] == 0x0D ? 2 : 1
                position.line += 1
                position.column = 1
            } else {
                var next = offset + 1
                while next < bytes.count && bytes[next] & 0xC0 == 0x80 {
                    next += 1
                }
                width = next - offset
                position.index += 1
                position.column += 1
            }
            offset += width
            position.offset += width
        }
        return offset
    }

    /// Removes the bytes before `head` once enough have gathered and they are at least half the window.
    private mutating func compact() {
        if head >= 1 << 16 && head * 2 >= window.count {
            window.removeSubrange(0..<head)
            head = 0
        }
    }

    /// Skips a leading byte-order mark, which libyaml does not count as a character. libyaml has read at least
    /// three bytes (or the whole input) before it reports anything, so the first call can tell.
    private mutating func settleByteOrderMark() {
        guard !byteOrderMarkSettled else { return }
        byteOrderMarkSettled = true
        if window.count >= 3 && window[0] == 0xEF && window[1] == 0xBB && window[2] == 0xBF {
            head = 3
            base.offset = 3
            windowStart.offset = 3
            cursorOffset = 3
        }
    }

    /// The length in bytes of the line break at `offset`, or 0 if there is none.
    private static func lineBreakLength(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
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
