/// What an import would change in the canonical dataset: rows added, removed and changed field by field, and the
/// conflicts a three-way merge could not resolve.
public struct ChangeSet: Sendable, Equatable {
    /// A field whose value changes.
    public struct FieldChange: Sendable, Equatable {
        public var field: String
        public var old: Value?
        public var new: Value?
        /// Where the new value stands in the imported file.
        public var location: Location?

        public init(field: String, old: Value?, new: Value?, location: Location? = nil) {
            self.field = field
            self.old = old
            self.new = new
            self.location = location
        }
    }

    /// One row's change.
    public struct RowChange: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable { case added, removed, changed }
        public var kind: Kind
        public var table: TableID
        /// The row's id (its new id when the id itself changed).
        public var id: String
        /// Where the row stands: in the imported file for added and changed rows, in the dataset for removed ones.
        public var location: Location?
        /// The changed fields, for changed rows.
        public var fields: [FieldChange]

        public init(kind: Kind, table: TableID, id: String, location: Location?, fields: [FieldChange]) {
            self.kind = kind
            self.table = table
            self.id = id
            self.location = location
            self.fields = fields
        }
    }

    /// A cell (or row) changed both in the file and in the dataset since the export, differently.
    public struct Conflict: Sendable, Equatable {
        public var table: TableID
        public var id: String
        /// The field, or nil when the conflict is about the whole row (deleted on one side, changed on the other).
        public var field: String?
        public var base: Value?
        public var dataset: Value?
        public var file: Value?
        public var location: Location?
        /// What happened on each side, in words.
        public var reason: String

        public init(
            table: TableID, id: String, field: String?, base: Value? = nil, dataset: Value? = nil, file: Value? = nil,
            location: Location?, reason: String
        ) {
            self.table = table
            self.id = id
            self.field = field
            self.base = base
            self.dataset = dataset
            self.file = file
            self.location = location
            self.reason = reason
        }
    }

    public var changes: [RowChange] = []
    public var conflicts: [Conflict] = []

    public init(changes: [RowChange] = [], conflicts: [Conflict] = []) {
        self.changes = changes
        self.conflicts = conflicts
    }

    /// Whether applying would change nothing.
    public var isEmpty: Bool { changes.isEmpty && conflicts.isEmpty }

    /// The number of row changes of a kind.
    public func count(_ kind: RowChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }

    /// "2 added, 1 removed, 3 changed, 1 conflict" or "no changes".
    public var summary: String {
        if isEmpty { return "no changes" }
        var parts = [RowChange.Kind.added, .removed, .changed].map { "\(count($0)) \($0.rawValue)" }
        if !conflicts.isEmpty { parts.append(FindingReport.plural(conflicts.count, "conflict")) }
        return parts.joined(separator: ", ")
    }
}

extension ChangeSet {
    /// The change set for people: one line per row change, indented field changes, then conflicts.
    public func rendered() -> String {
        var lines: [String] = []
        for change in changes {
            let marker = change.kind == .added ? "+" : (change.kind == .removed ? "-" : "~")
            let place = change.location.map { " (\($0))" } ?? ""
            lines.append("\(marker) \(change.table) \(change.id)\(place)")
            for field in change.fields {
                let place = field.location.map { " (\($0))" } ?? ""
                lines.append("    \(field.field): \(Self.show(field.old)) → \(Self.show(field.new))\(place)")
            }
        }
        for conflict in conflicts {
            let place = conflict.location.map { "\($0): " } ?? ""
            let field = conflict.field.map { " \($0)" } ?? ""
            lines.append("! \(place)conflict in \(conflict.table) \(conflict.id)\(field): \(conflict.reason)")
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The change set as JSON data.
    public func json() -> JSONValue {
        .object([
            (
                "changes",
                .array(
                    changes.map { change in
                        .object([
                            ("change", .string(change.kind.rawValue)),
                            ("table", .string(change.table.rawValue)),
                            ("id", .string(change.id)),
                            ("location", change.location.map { .string($0.description) } ?? .null),
                            (
                                "fields",
                                .array(
                                    change.fields.map { field in
                                        .object([
                                            ("field", .string(field.field)),
                                            ("old", Self.json(field.old)),
                                            ("new", Self.json(field.new)),
                                            ("location", field.location.map { .string($0.description) } ?? .null),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "conflicts",
                .array(
                    conflicts.map { conflict in
                        .object([
                            ("table", .string(conflict.table.rawValue)),
                            ("id", .string(conflict.id)),
                            ("field", conflict.field.map(JSONValue.string) ?? .null),
                            ("base", Self.json(conflict.base)),
                            ("dataset", Self.json(conflict.dataset)),
                            ("file", Self.json(conflict.file)),
                            ("location", conflict.location.map { .string($0.description) } ?? .null),
                            ("reason", .string(conflict.reason)),
                        ])
                    })
            ),
        ])
    }

    /// A value for people: quoted text, numbers and dates as written, lists joined, "(empty)".
    static func show(_ value: Value?) -> String {
        guard let value else { return "(empty)" }
        switch value {
        case .text(let text): return "'\(text)'"
        case .list(let items): return "[" + items.map { "'\($0)'" }.joined(separator: ", ") + "]"
        default: return value.canonicalText
        }
    }

    static func json(_ value: Value?) -> JSONValue {
        guard let value else { return .null }
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return .number(number)
        case .date(let date): return .string(date.description)
        case .list(let items): return .array(items.map(JSONValue.string))
        }
    }
}
