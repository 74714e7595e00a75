/// Checks that every country, organization and source a row refers to exists.
public struct ReferenceRule: DatasetRule {
    public static let name = "ref.unknown"
    public static let summary = "Every reference names an existing row of its table."

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        // Ids only of the tables something refers to (not the indicators', say), and rows only of tables that refer.
        var ids: [TableID: Set<String>] = [:]
        for target in Self.referencedTables {
            let key = DatasetSchema.table(target).primaryKey
            ids[target] = Set(dataset[target].compactMap { $0[key]?.text })
        }
        var findings: [Finding] = []
        for spec in DatasetSchema.tables {
            let fields = spec.fields.filter { $0.referencedTable != nil }
            guard !fields.isEmpty else { continue }
            for (index, record) in dataset[spec.id].enumerated() {
                for field in fields {
                    guard let target = field.referencedTable, let value = record[field.key] else { continue }
                    let items = value.list ?? value.text.map { [$0] } ?? []
                    let known = ids[target] ?? []
                    for item in items where !item.isEmpty && !known.contains(item) {
                        findings.append(
                            Finding(
                                code: Self.name,
                                message: "\(field.key): '\(item)' is not the id of any row of \(target)",
                                location: context.location(of: field.key, in: record, table: spec.id, index: index),
                                hint: Suggestion.hint(for: item, in: known.sorted()) ?? "add it to \(target) first"))
                    }
                }
            }
        }
        return findings
    }

    /// The tables some field refers to.
    static let referencedTables: [TableID] = TableID.allCases.filter { table in
        DatasetSchema.tables.contains { $0.fields.contains { $0.referencedTable == table } }
    }
}
