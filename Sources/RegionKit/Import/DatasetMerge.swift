/// Merges the rows of an imported file into the canonical dataset.
///
/// Rows are matched by id (for file rows, by the id they had when exported, if the file tracks it). With a base,
/// the state the file was exported from, the merge is three-way: an edit in the file applies where the dataset did
/// not change the same field since; the same field changed differently on both sides is a conflict, never
/// overwritten. Without a base the dataset itself is the base, and the merge is a plain comparison.
public struct DatasetMerge: Sendable {
    /// The merged dataset, and what changes from the canonical one.
    public struct Result: Sendable {
        public var merged: Dataset
        public var changes: ChangeSet
    }

    public init() {}

    public func merge(base: Dataset?, current: Dataset, edited: Dataset) -> Result {
        var merged = Dataset(schemaVersion: current.schemaVersion)
        var changes = ChangeSet()
        for spec in DatasetSchema.tables {
            let table = TableMerge(
                spec: spec, base: (base ?? current)[spec.id], current: current[spec.id], edited: edited[spec.id])
            let result = table.run()
            merged[spec.id] = result.rows
            changes.changes += result.changes
            changes.conflicts += result.conflicts
        }
        return Result(merged: merged, changes: changes)
    }
}

/// The three-way merge of one table.
struct TableMerge {
    let spec: TableSpec
    let base: [Record]
    let current: [Record]
    let edited: [Record]

    struct Output {
        var rows: [Record] = []
        var changes: [ChangeSet.RowChange] = []
        var conflicts: [ChangeSet.Conflict] = []
    }

    static func key(_ record: Record) -> String { record.id ?? "" }
    static func editedKey(_ record: Record) -> String { record.baseID ?? record.id ?? "" }

    func run() -> Output {
        var output = Output()
        let baseRows = Dictionary(base.map { (Self.key($0), $0) }) { first, _ in first }
        let editedRows = Dictionary(edited.map { (Self.editedKey($0), $0) }) { first, _ in first }
        var handled: Set<String> = []

        for row in current {
            let key = Self.key(row)
            handled.insert(key)
            let before = baseRows[key]
            let after = editedRows[key]
            switch (before, after) {
            case (let before?, let after?):
                output.rows.append(mergeFields(key: key, base: before, current: row, edited: after, into: &output))
            case (let before?, nil):
                if before == row {
                    output.changes.append(.init(kind: .removed, table: spec.id, id: key, location: row.location, fields: []))
                } else {
                    output.rows.append(row)
                    output.conflicts.append(
                        .init(
                            table: spec.id, id: key, field: nil, location: row.location,
                            reason: "the file deletes the row, but the dataset changed it since the export"))
                }
            case (nil, let after?):
                output.rows.append(row)
                if after != row {
                    output.conflicts.append(
                        .init(
                            table: spec.id, id: key, field: nil, location: after.location,
                            reason: "the file and the dataset each added a row with this id, with different values"))
                }
            case (nil, nil):
                output.rows.append(row)
            }
        }
        for row in edited {
            let key = Self.editedKey(row)
            guard !handled.contains(key) else { continue }
            handled.insert(key)
            if let before = baseRows[key] {
                if before != row {
                    output.conflicts.append(
                        .init(
                            table: spec.id, id: key, field: nil, location: row.location,
                            reason: "the file changes the row, but the dataset deleted it since the export"))
                }
            } else {
                output.rows.append(row)
                output.changes.append(.init(kind: .added, table: spec.id, id: row.id ?? key, location: row.location, fields: []))
            }
        }
        return output
    }

    func mergeFields(key: String, base: Record, current: Record, edited: Record, into output: inout Output) -> Record {
        // The file left the row as exported, or has it as the dataset has it now: nothing to merge field by field.
        if edited == base || edited == current { return current }
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
        if !fields.isEmpty {
            output.changes.append(.init(kind: .changed, table: spec.id, id: result.id ?? key, location: edited.location, fields: fields))
        }
        return result
    }
}
