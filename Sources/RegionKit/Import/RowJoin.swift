/// How the rows of another version of a table (the imported file's, or the exported base's) line up with the
/// dataset's rows, by key.
///
/// Exports keep the dataset's row order, so rows are matched by position first, in one pass over both (a merge join
/// that steps over a row one side lacks); only the rows that do not line up go into a key index. Built only when
/// no key repeats among the dataset's rows; `nil` when one repeats among the other rows, for which the caller
/// matches by key index as a whole.
struct RowJoin {
    /// For each dataset row, the index of the other row with its key, or -1.
    var match: [Int]
    /// The other rows whose key no dataset row has, by index, in order.
    var unmatched: [Int]
    /// `unmatched` by key.
    var unmatchedByKey: [String: Int]

    /// - Parameters:
    ///   - keys: the dataset rows' keys, none repeated.
    ///   - keyHashes: the hashes of `keys` (`RowHash.key`).
    ///   - other: the other rows.
    ///   - otherKey: the key of an other row.
    init?(keys: [String], keyHashes: KeyHashSet, other: [Record], otherKey: (Record) -> String) {
        var match = [Int](repeating: -1, count: keys.count)
        var pendingRows: [Int] = []
        var pendingOther: [Int] = []
        var i = 0
        var j = 0
        var key = j < other.count ? otherKey(other[j]) : ""
        while i < keys.count && j < other.count {
            if keys[i] == key {
                match[i] = j
                i += 1
                j += 1
                if j < other.count { key = otherKey(other[j]) }
            } else if i + 1 < keys.count && keys[i + 1] == key {
                // The other side lacks this row here (removed, or moved).
                pendingRows.append(i)
                i += 1
            } else if j + 1 < other.count, otherKey(other[j + 1]) == keys[i] {
                // The other side has a row here the dataset lacks (added, or moved).
                pendingOther.append(j)
                j += 1
                key = otherKey(other[j])
            } else {
                pendingRows.append(i)
                pendingOther.append(j)
                i += 1
                j += 1
                if j < other.count { key = otherKey(other[j]) }
            }
        }
        pendingRows += i..<keys.count
        pendingOther += j..<other.count

        var byKey: [String: Int] = [:]
        for j in pendingOther {
            guard byKey.updateValue(j, forKey: otherKey(other[j])) == nil else { return nil }
        }
        for i in pendingRows {
            if let j = byKey.removeValue(forKey: keys[i]) { match[i] = j }
        }
        // A key left that a dataset row has is one the other side has twice (or a key hash shared by two keys):
        // the caller decides as before, by key index.
        for key in byKey.keys where keyHashes.contains(RowHash.key(key)) {
            return nil
        }
        self.match = match
        self.unmatched = byKey.values.sorted()
        self.unmatchedByKey = byKey
    }
}
