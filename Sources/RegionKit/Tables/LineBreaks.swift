extension Dataset {
    /// The dataset with every `\r\n` and `\r` in its texts and list items made `\n`, the dataset's one line break
    /// (`TextCharacters`); rows without one are left as they are.
    public func withLineFeeds() -> Dataset {
        var result = self
        for (table, rows) in tables {
            guard rows.contains(where: Self.holdsCarriageReturn) else { continue }
            result[table] = rows.map { row in
                guard Self.holdsCarriageReturn(row) else { return row }
                var row = row
                for (key, value) in row.values {
                    switch value {
                    case .text(let text): row.values[key] = .text(CellText.lineFeeds(text))
                    case .list(let items): row.values[key] = .list(items.map(CellText.lineFeeds))
                    case .number, .date: break
                    }
                }
                return row
            }
        }
        return result
    }

    private static func holdsCarriageReturn(_ row: Record) -> Bool {
        row.values.values.contains { value in
            switch value {
            case .text(let text): return text.utf8.contains(13)
            case .list(let items): return items.contains { $0.utf8.contains(13) }
            case .number, .date: return false
            }
        }
    }
}
