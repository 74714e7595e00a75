/// Checks that every country, organization and source a row refers to exists.
public struct ReferenceRule: DatasetRule {
    public static let name = "ref.unknown"
    public static let summary = "Every reference names an existing row of its table."

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        var ids: [TableID: Set<String>] = [:]
        for spec in DatasetSchema.tables {
            ids[spec.id] = Set(dataset[spec.id].compactMap { $0[spec.primaryKey]?.text })
        }
        var findings: [Finding] = []
        dataset.forEachRow { spec, index, record in
            for field in spec.fields {
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
        return findings
    }
}
