/// A whole RegionKit dataset: its schema version and the rows of every table.
///
/// Two datasets are equal when their versions and rows are equal; locations do not count.
public struct Dataset: Sendable, Equatable {
    /// The schema version the dataset was written for.
    public var schemaVersion: String
    /// The rows of each table, in the order they are kept.
    public var tables: [TableID: [Record]]

    public init(schemaVersion: String = DatasetSchema.version, tables: [TableID: [Record]] = [:]) {
        self.schemaVersion = schemaVersion
        self.tables = tables
    }

    /// The rows of one table (empty when it has none).
    public subscript(table: TableID) -> [Record] {
        get { tables[table] ?? [] }
        set { tables[table] = newValue }
    }

    /// The number of rows in all tables.
    public var rowCount: Int { tables.values.reduce(0) { $0 + $1.count } }

    public static func == (lhs: Dataset, rhs: Dataset) -> Bool {
        guard lhs.schemaVersion == rhs.schemaVersion else { return false }
        return TableID.allCases.allSatisfy { lhs[$0] == rhs[$0] }
    }
}
