/// Merges the rows of an imported file into the canonical dataset.
///
/// Rows are matched by id (for file rows, by the id they had when exported, if the file tracks it). With a base,
/// the state the file was exported from, the merge is three-way: an edit in the file applies where the dataset did
/// not change the same field since; the same field changed differently on both sides is a conflict, never
/// overwritten. Without a base the dataset itself is the base, and the merge is a plain comparison.
///
/// A merge finds the changes first; the merged dataset is built only when `Result.merged` is read, and only for
/// the tables the merge changes.
public struct DatasetMerge: Sendable {
    /// What changes from the canonical dataset, and the merged dataset on demand.
    public struct Result: Sendable {
        /// The rows added, removed and changed, and the conflicts.
        public var changes: ChangeSet
        /// The canonical dataset the merge compared with.
        let current: Dataset
        /// How each changed table's rows differ from the canonical ones.
        let edits: [TableID: TableMerge.RowEdits]

        /// The tables whose rows the merge changes (adds, removes or changes a row of), in schema order: the only
        /// ones `merged` builds rows for. Empty when nothing changes.
        public var changedTables: [TableID] {
            DatasetSchema.tables.map(\.id).filter { edits[$0] != nil }
        }

        /// The merged dataset: the canonical one with the changes made and, where a change conflicts, the
        /// dataset's value kept. Built on each read (read it once): only the rows of `changedTables` are built,
        /// the other tables share the canonical dataset's rows, and without a change it is the canonical dataset
        /// itself.
        public var merged: Dataset {
            var merged = current
            for (table, edits) in edits {
                merged[table] = edits.rows(from: current[table])
            }
            return merged
        }
    }

    public init() {}

    public func merge(base: Dataset?, current: Dataset, edited: Dataset) -> Result {
        var changes = ChangeSet()
        var edits: [TableID: TableMerge.RowEdits] = [:]
        for spec in DatasetSchema.tables {
            let table = TableMerge(spec: spec, base: base?[spec.id], current: current[spec.id], edited: edited[spec.id])
            let result = table.run()
            if !result.edits.isEmpty { edits[spec.id] = result.edits }
            changes.changes += result.changes
            changes.conflicts += result.conflicts
        }
        return Result(changes: changes, current: current, edits: edits)
    }
}
