import RegionYAML

/// The text of the canonical dataset file after an import, rewritten only where the import changes it: a changed
/// row's lines are replaced with the row in canonical form, a removed row's lines are deleted, added rows are written
/// after the last row of their table (a table the file lacks is written after the tables that come before it in
/// the schema). Every other byte stays: comments, blank lines, the key order and quoting of untouched rows.
///
/// Comment and blank lines between two rows, or after a table's last row, belong to no row and are never touched;
/// a comment on a changed or removed row's own lines (between its keys, or after a value) goes with the row.
struct DatasetSplice {
    /// The file's bytes as they are.
    let original: [UInt8]
    /// The file's path, for messages.
    let path: String
    /// The dataset the file holds.
    let current: Dataset
    /// The dataset to write.
    let merged: Dataset
    /// What changes from `current` to `merged`.
    let changes: ChangeSet

    /// The new text, or why it cannot be made and the file must be written whole.
    enum Result {
        case spliced([UInt8])
        case refused(String)
    }

    /// The spliced text, read back and found to hold `merged`; otherwise the reason it was not.
    func run() -> Result {
        let layout: DatasetLayout?
        do {
            layout = try DatasetLayout.read(original, file: path)
        } catch {
            return .refused("the file no longer reads as YAML (\(error.description))")
        }
        guard let layout else { return .refused("its tables are not written one row per block of lines") }
        let edits: [Edit]
        do {
            guard let planned = try plan(layout) else {
                return .refused("its rows do not match the dataset it was read as")
            }
            edits = planned
        } catch {
            return .refused("a row cannot be written (\(error.description))")
        }
        guard let text = apply(edits) else { return .refused("the rows to rewrite overlap") }
        guard readsAsMerged(text) else {
            return .refused("the text with only the changed rows rewritten does not read back as the merged dataset")
        }
        return .spliced(text)
    }

    /// One replacement of a range of the original bytes (empty for an insertion).
    struct Edit {
        var range: Range<Int>
        var text: [UInt8]
        /// The order edits at the same place are made in.
        var order: Int
    }

    /// The edits that turn the file's text into `merged`'s, table by table; nil when the file's rows do not line up
    /// with `current`'s.
    func plan(_ layout: DatasetLayout) throws(YAMLError) -> [Edit]? {
        var edits: [Edit] = []
        func add(_ range: Range<Int>, _ text: [UInt8]) {
            edits.append(Edit(range: range, text: text, order: edits.count))
        }
        for spec in DatasetSchema.tables {
            let table = spec.id
            let before = current[table]
            let after = merged[table]
            guard let entry = layout.entry(table.rawValue) else {
                guard before.isEmpty else { return nil }
                if !after.isEmpty {
                    let point = insertionPoint(for: table, in: layout)
                    add(point..<point, try Self.canonical(after, table: table, indent: 0, withKey: true))
                }
                continue
            }
            guard entry.rows.count == before.count else { return nil }
            if before == after { continue }
            if before.isEmpty || after.isEmpty {
                add(entry.lines, try Self.canonical(after, table: table, indent: 0, withKey: true))
                continue
            }
            let removed = Set(changes.changes.filter { $0.table == table && $0.kind == .removed }.map(\.id))
            var next = after.startIndex
            for (row, place) in zip(before, entry.rows) {
                if removed.contains(TableMerge.key(row)) {
                    add(place.lines, [])
                    continue
                }
                guard next < after.endIndex else { return nil }
                if after[next] != row {
                    add(place.lines, try Self.canonical([after[next]], table: table, indent: place.indent, withKey: false))
                }
                next += 1
            }
            if next < after.endIndex, let last = entry.rows.last {
                let end = last.lines.upperBound
                add(end..<end, try Self.canonical(after[next...], table: table, indent: last.indent, withKey: false))
            }
        }
        return edits
    }

    /// Where a table the file lacks is written: after the nearest table before it in the schema that the file has,
    /// else after the schema version, else before the first entry.
    func insertionPoint(for table: TableID, in layout: DatasetLayout) -> Int {
        let earlier = DatasetSchema.tables.prefix { $0.id != table }.reversed()
        for spec in earlier {
            if let entry = layout.entry(spec.id.rawValue) { return entry.lines.upperBound }
        }
        if let version = layout.entry(DatasetYAMLCodec.versionKey) { return version.lines.upperBound }
        return layout.entries.first?.lines.lowerBound ?? original.count
    }

    /// Rows in canonical form, the bytes the whole dataset's canonical text gives them, each line indented by
    /// `indent` spaces; with their table's key line when `withKey` (`table: []` when there are none).
    static func canonical(_ records: some Sequence<Record>, table: TableID, indent: Int, withKey: Bool) throws(YAMLError) -> [UInt8] {
        var text = Array(try DatasetYAMLCodec.encode(records, table: table).utf8)
        if !withKey, let keyLineEnd = text.firstIndex(of: UInt8(ascii: "\n")) {
            text.removeSubrange(...keyLineEnd)
        }
        guard indent > 0 else { return text }
        let spaces = [UInt8](repeating: UInt8(ascii: " "), count: indent)
        var indented: [UInt8] = []
        indented.reserveCapacity(text.count + text.count / 16 * indent)
        var atLineStart = true
        for byte in text {
            if atLineStart { indented += spaces }
            indented.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        return indented
    }

    /// The original bytes with the edits made; nil when two edits overlap.
    func apply(_ edits: [Edit]) -> [UInt8]? {
        let sorted = edits.sorted { ($0.range.lowerBound, $0.order) < ($1.range.lowerBound, $1.order) }
        var text: [UInt8] = []
        text.reserveCapacity(original.count + sorted.reduce(0) { $0 + $1.text.count })
        var copied = 0
        for edit in sorted {
            guard edit.range.lowerBound >= copied else { return nil }
            text += original[copied..<edit.range.lowerBound]
            // Only the end of a file without a final line break is not the start of a line.
            if !edit.text.isEmpty, let last = text.last, last != UInt8(ascii: "\n") {
                text.append(UInt8(ascii: "\n"))
            }
            text += edit.text
            copied = edit.range.upperBound
        }
        text += original[copied...]
        return text
    }

    /// Whether `text` reads as `merged`, with no error.
    func readsAsMerged(_ text: [UInt8]) -> Bool {
        guard let decoded = try? DatasetYAMLCodec.decode(.bytes(text, name: path), locatesFields: false) else { return false }
        return !decoded.findings.hasErrors && decoded.dataset == merged
    }
}
