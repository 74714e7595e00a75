/// The three-way merge of one table (see `DatasetMerge`).
///
/// Rows are matched by position first and by key only where they do not line up (`RowJoin`); a table where a key
/// repeats is matched by key index as a whole, each key standing for its first row. A matched row is compared as a
/// whole by its hash (`RowHash`), and field by field only where the hashes differ or, when they are equal, where
/// `==` finds the values differ all the same: a row is never found unchanged on its hash alone.
struct TableMerge {
    let spec: TableSpec
    /// The state the file was exported from, or nil when it is the dataset itself (a two-way merge).
    let base: [Record]?
    let current: [Record]
    let edited: [Record]
    /// The row hash; a test can give one that makes every row's the same.
    var rowHash: (Record) -> UInt64 = RowHash.of

    /// How the merged rows differ from the dataset's: the dataset's rows in their order with some replaced and some
    /// removed, then the added rows.
    struct RowEdits: Sendable {
        /// Merged rows that replace dataset rows, by the dataset row's index, in order.
        var replaced: [(index: Int, row: Record)] = []
        /// The indexes of the dataset rows removed, in order.
        var removed: [Int] = []
        /// The rows added after the dataset's, in the file's order.
        var added: [Record] = []

        var isEmpty: Bool { replaced.isEmpty && removed.isEmpty && added.isEmpty }

        /// The merged rows.
        func rows(from current: [Record]) -> [Record] {
            var rows = current
            for (index, row) in replaced { rows[index] = row }
            if !removed.isEmpty {
                var kept: [Record] = []
                kept.reserveCapacity(rows.count - removed.count + added.count)
                var next = removed.startIndex
                for (index, row) in rows.enumerated() {
                    if next < removed.endIndex && removed[next] == index {
                        next += 1
                    } else {
                        kept.append(row)
                    }
                }
                rows = kept
            }
            return rows + added
        }
    }

    struct Output {
        var edits = RowEdits()
        var changes: [ChangeSet.RowChange] = []
        var conflicts: [ChangeSet.Conflict] = []
    }

    static func key(_ record: Record) -> String { record.id ?? "" }
    static func editedKey(_ record: Record) -> String { record.baseID ?? record.id ?? "" }

    func run() -> Output {
        byPosition() ?? byKeyIndex()
    }

    /// The merge with rows matched by position, then by key (`RowJoin`); nil when a key repeats on a side (or two
    /// keys share a hash), which `byKeyIndex` decides.
    func byPosition() -> Output? {
        let keys = current.map(Self.key)
        var keyHashes = KeyHashSet(capacity: keys.count)
        for key in keys {
            guard keyHashes.insert(RowHash.key(key)) else { return nil }
        }
        guard let file = RowJoin(keys: keys, keyHashes: keyHashes, other: edited, otherKey: Self.editedKey) else { return nil }
        var exported: RowJoin?
        if let base {
            guard let join = RowJoin(keys: keys, keyHashes: keyHashes, other: base, otherKey: Self.key) else { return nil }
            exported = join
        }
        var output = Output()
        for (index, row) in current.enumerated() {
            let after = file.match[index] >= 0 ? edited[file.match[index]] : nil
            if let base, let exported {
                let before = exported.match[index] >= 0 ? base[exported.match[index]] : nil
                merge(index, row, key: keys[index], before: before, after: after, baseIsRow: false, into: &output)
            } else {
                merge(index, row, key: keys[index], before: row, after: after, baseIsRow: true, into: &output)
            }
        }
        for index in file.unmatched {
            let row = edited[index]
            let key = Self.editedKey(row)
            let before = exported.flatMap { $0.unmatchedByKey[key] }.flatMap { base?[$0] }
            mergeFileRow(row, key: key, before: before, into: &output)
        }
        return output
    }

    /// The merge with every row matched through a key index, the first row of a key standing for it.
    func byKeyIndex() -> Output {
        var output = Output()
        let baseRows = Dictionary((base ?? current).map { (Self.key($0), $0) }) { first, _ in first }
        let editedRows = Dictionary(edited.map { (Self.editedKey($0), $0) }) { first, _ in first }
        var handled: Set<String> = []
        for (index, row) in current.enumerated() {
            let key = Self.key(row)
            handled.insert(key)
            merge(index, row, key: key, before: baseRows[key], after: editedRows[key], baseIsRow: false, into: &output)
        }
        for row in edited {
            let key = Self.editedKey(row)
            guard handled.insert(key).inserted else { continue }
            mergeFileRow(row, key: key, before: baseRows[key], into: &output)
        }
        return output
    }

    /// Merges a dataset row with its exported state and the file's row, either of which may be missing.
    /// `baseIsRow` says the exported state is the row itself (a two-way merge).
    func merge(_ index: Int, _ row: Record, key: String, before: Record?, after: Record?, baseIsRow: Bool, into output: inout Output) {
        switch (before, after) {
        case (let before?, let after?):
            if let merged = mergeFields(key: key, base: before, current: row, edited: after, baseIsRow: baseIsRow, into: &output) {
                output.edits.replaced.append((index, merged))
            }
        case (let before?, nil):
            if baseIsRow || before == row {
                output.edits.removed.append(index)
                output.changes.append(.init(kind: .removed, table: spec.id, id: key, location: row.location, fields: []))
            } else {
                output.conflicts.append(
                    .init(
                        table: spec.id, id: key, field: nil, location: row.location,
                        reason: "the file deletes the row, but the dataset changed it since the export"))
            }
        case (nil, let after?):
            if after != row {
                output.conflicts.append(
                    .init(
                        table: spec.id, id: key, field: nil, location: after.location,
                        reason: "the file and the dataset each added a row with this id, with different values"))
            }
        case (nil, nil):
            break
        }
    }

    /// Merges a file row whose key no dataset row has: an added row, unless the dataset had it at the export.
    func mergeFileRow(_ row: Record, key: String, before: Record?, into output: inout Output) {
        if let before {
            if before != row {
                output.conflicts.append(
                    .init(
                        table: spec.id, id: key, field: nil, location: row.location,
                        reason: "the file changes the row, but the dataset deleted it since the export"))
            }
        } else {
            output.edits.added.append(row)
            output.changes.append(.init(kind: .added, table: spec.id, id: row.id ?? key, location: row.location, fields: []))
        }
    }

    /// Whether the file has the row as exported, or as the dataset has it now: a hash equal to theirs, confirmed
    /// by the values.
    func leavesAsIs(base: Record, current: Record, edited: Record, baseIsRow: Bool) -> Bool {
        let hash = rowHash(edited)
        if hash == rowHash(current) && edited == current { return true }
        return !baseIsRow && hash == rowHash(base) && edited == base
    }

    /// The merged row when the file changes a field of it; nil when it stays as the dataset has it.
    func mergeFields(
        key: String, base: Record, current: Record, edited: Record, baseIsRow: Bool, into output: inout Output
    ) -> Record? {
        // The file left the row as exported, or has it as the dataset has it now: nothing to merge field by field.
        if leavesAsIs(base: base, current: current, edited: edited, baseIsRow: baseIsRow) { return nil }
        var result = current
        var fields: [ChangeSet.FieldChange] = []
        // A field the file has no readable value for (an error says why) is no edit: it stays as it is.
        for field in spec.keys where !edited.unreadable.contains(field) {
            let b = base[field]
            let c = current[field]
            let e = edited[field]
            if e == b || e == c { continue }
            if c == b {
                result[field] = e
                result.fieldLocations[field] = edited.location(of: field)
                fields.append(.init(field: field, old: c, new: e, location: edited.location(of: field)))
            } else {
                output.conflicts.append(
                    .init(
                        table: spec.id, id: key, field: field, base: b, dataset: c, file: e, location: edited.location(of: field),
                        reason:
                            "the file has \(ChangeSet.show(e)), the dataset now has \(ChangeSet.show(c)); both changed it from \(ChangeSet.show(b))"
                    ))
            }
        }
        guard !fields.isEmpty else { return nil }
        output.changes.append(.init(kind: .changed, table: spec.id, id: result.id ?? key, location: edited.location, fields: fields))
        return result
    }
}
