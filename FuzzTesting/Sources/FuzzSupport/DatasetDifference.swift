import RegionKit

/// The first difference between two datasets, in words, for the message of a failed round-trip property.
public enum DatasetDifference {
    /// Where `one` and `other` first differ: the schema version, a table's row count, or a row's values.
    public static func first(_ one: Dataset, _ other: Dataset) -> String {
        if one.schemaVersion != other.schemaVersion {
            return "schema version '\(one.schemaVersion)' became '\(other.schemaVersion)'"
        }
        for table in TableID.allCases {
            let rows = one[table]
            let others = other[table]
            guard rows.count == others.count else {
                return "\(table): \(rows.count) rows became \(others.count)"
            }
            for (index, (row, again)) in zip(rows, others).enumerated() where row != again {
                let keys = Set(row.values.keys).union(again.values.keys).sorted()
                let changed = keys.filter { row[$0] != again[$0] }.map { key in
                    "\(key): \(row[key].map { "\($0)" } ?? "absent") became \(again[key].map { "\($0)" } ?? "absent")"
                }
                return "\(table) row \(index + 1): " + changed.joined(separator: "; ")
            }
        }
        return "no difference"
    }
}
