/// Where the entries of a YAML dataset's root mapping (its schema version and its tables) and the rows of its tables
/// stand in its text, as byte ranges of whole lines: what an edit needs that rewrites some rows and keeps every
/// other byte as it is.
///
/// Ranges come from the parser's marks, widened to whole lines. Lines that hold only comments or nothing between
/// two rows, or after a table's last row, belong to no row and to no entry.
public struct DatasetLayout: Sendable {
    /// One row of a table.
    public struct Row: Sendable, Equatable {
        /// From the start of the line of the row's `-` to past the line break that ends the line its last value
        /// (or a comment after it) is on.
        public var lines: Range<Int>
        /// The number of spaces before the row's `-`.
        public var indent: Int
    }

    /// One entry of the root mapping.
    public struct Entry: Sendable {
        /// The entry's key: `regionkit`, or a table's name.
        public var key: String
        /// From the start of the key's line to past the line break of the line the entry's last value ends on.
        public var lines: Range<Int>
        /// The entry's rows, when its value is a sequence; empty otherwise.
        public var rows: [Row]
    }

    /// The root mapping's entries, in the order of the text.
    public var entries: [Entry]

    /// The entry of a key, when the text has it.
    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    /// Reads the layout of a YAML dataset's text. Nil when its entries and rows do not each stand on lines of their
    /// own: a root or a table written in flow style (`{…}`, `[…]` with rows), a row whose first key is not on the
    /// line of its `-`, a row that is not a mapping, two rows on one line. Syntax errors throw.
    public static func read(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> DatasetLayout? {
        var reader = try Reader(bytes: bytes, file: file, limits: limits)
        return try reader.read()
    }

    private struct Reader {
        let bytes: [UInt8]
        var events: YAMLDocumentEvents

        init(bytes: [UInt8], file: String, limits: YAMLLimits) throws(YAMLError) {
            self.bytes = bytes
            events = try YAMLDocumentEvents(.bytes(bytes, name: file), limits: limits, maxNodes: nil)
        }

        mutating func read() throws(YAMLError) -> DatasetLayout? {
            guard let root = try events.next(), case .mappingStart = root.kind, !root.hasText else { return nil }
            var entries: [Entry] = []
            var usable = true
            while true {
                let key = try events.nextInCollection()
                if case .mappingEnd = key.kind { break }
                guard case .scalar(let text, _) = key.kind else {
                    usable = false
                    _ = try readPast(key)
                    _ = try readPast(try events.nextInCollection())
                    continue
                }
                let value = try events.nextInCollection()
                let keyLines = lineStart(of: key.mark.offset)..<lineEnd(after: key.end.offset)
                var end = key.end.offset
                var rows: [Row] = []
                if case .sequenceStart = value.kind {
                    if value.hasText { end = max(end, value.end.offset) }
                    while true {
                        let item = try events.nextInCollection()
                        if case .sequenceEnd = item.kind {
                            if item.hasText { end = max(end, item.end.offset) }
                            break
                        }
                        let itemEnd = try readPast(item)
                        end = max(end, itemEnd)
                        guard case .mappingStart = item.kind, let row = row(startingAt: item.mark.offset, endingAt: itemEnd),
                            row.lines.lowerBound >= (rows.last?.lines.upperBound ?? keyLines.upperBound)
                        else {
                            usable = false
                            continue
                        }
                        rows.append(row)
                    }
                } else {
                    end = max(end, try readPast(value))
                }
                let lines = keyLines.lowerBound..<lineEnd(after: end)
                if let previous = entries.last, lines.lowerBound < previous.lines.upperBound { usable = false }
                entries.append(Entry(key: text, lines: lines, rows: rows))
            }
            try events.finish()
            return usable ? DatasetLayout(entries: entries) : nil
        }

        /// Reads past the rest of the node `event` starts; the offset past the last character of its text.
        mutating func readPast(_ event: YAMLNodeEvent) throws(YAMLError) -> Int {
            var end = event.hasText ? event.end.offset : event.mark.offset
            guard event.startsCollection else { return end }
            let outer = events.depth - 1
            while events.depth > outer {
                let inner = try events.nextInCollection()
                if inner.hasText { end = max(end, inner.end.offset) }
            }
            return end
        }

        /// The row whose mapping starts at `start`, when only spaces and its `-` come before it on its line.
        func row(startingAt start: Int, endingAt end: Int) -> Row? {
            let lineStart = lineStart(of: start)
            let prefix = bytes[lineStart..<start]
            let space = UInt8(ascii: " ")
            guard let dash = prefix.firstIndex(where: { $0 != space }), bytes[dash] == UInt8(ascii: "-"),
                prefix[(dash + 1)...].allSatisfy({ $0 == space })
            else { return nil }
            return Row(lines: lineStart..<lineEnd(after: end), indent: dash - lineStart)
        }

        /// The offset of the start of the line that holds `offset`.
        func lineStart(of offset: Int) -> Int {
            var index = min(offset, bytes.count)
            while index > 0 && bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
            return index
        }

        /// The offset past the line break of the line whose text ends at `offset` (the end of the text when no line
        /// break follows); `offset` itself when a line break comes just before it.
        func lineEnd(after offset: Int) -> Int {
            guard offset > 0, offset <= bytes.count, bytes[offset - 1] != UInt8(ascii: "\n") else { return min(offset, bytes.count) }
            var index = offset
            while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
            return min(index + 1, bytes.count)
        }
    }
}

extension YAMLNodeEvent {
    /// Whether the event's token has text of its own in the input (a scalar, a `-`, a `[`), rather than being a place
    /// libyaml marks (the start or end of a block collection, an empty scalar).
    fileprivate var hasText: Bool { end.offset > mark.offset }
}
