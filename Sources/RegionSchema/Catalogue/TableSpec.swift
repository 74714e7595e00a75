/// The catalogue entry of one table: its fields in canonical order and its key.
public struct TableSpec: Sendable, Hashable {
    public let id: TableID
    /// A readable title: "Memberships".
    public let title: String
    /// What one row of the table states.
    public let description: String
    /// The fields, in the canonical column and key order.
    public let fields: [FieldSpec]
    /// The field that identifies a row (`id`).
    public let primaryKey: String

    public init(_ id: TableID, title: String, description: String, primaryKey: String = "id", fields: [FieldSpec]) {
        self.id = id
        self.title = title
        self.description = description
        self.primaryKey = primaryKey
        self.fields = fields
    }

    /// The field with a key, if the table has it.
    public func field(_ key: String) -> FieldSpec? {
        fields.first { $0.key == key }
    }

    /// The field a column header names: its key exactly, or else its key or title ignoring case, spaces and
    /// underscores (`ISO alpha-3`, `iso_alpha_3` and `id` all name the `id` of countries).
    public func field(forHeader header: String) -> FieldSpec? {
        if let field = field(header) { return field }
        let wanted = HeaderText.normalized(header)
        guard !wanted.isEmpty else { return nil }
        return fields.first { HeaderText.normalized($0.key) == wanted || HeaderText.normalized($0.title) == wanted }
    }

    /// The keys of all fields, in order.
    public var keys: [String] { fields.map(\.key) }

    /// Whether rows of this table state facts from a source (and so carry `source` and `quote`).
    public var isSourced: Bool { field("quote") != nil }
}
