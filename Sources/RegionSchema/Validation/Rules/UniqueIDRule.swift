/// Checks that no two rows of a table share an id.
public struct UniqueIDRule: DatasetRule {
    public static let name = "table.duplicate-id"
    public static let summary = "Ids are unique within each table."

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for spec in DatasetSchema.tables {
            var firstIndex: [String: Int] = [:]
            for (index, record) in dataset[spec.id].enumerated() {
                guard let id = record[spec.primaryKey]?.text else { continue }
                if let first = firstIndex[id] {
                    let firstLocation = context.location(of: spec.primaryKey, in: dataset[spec.id][first], table: spec.id, index: first)
                    findings.append(
                        Finding(
                            code: Self.name,
                            message: "\(spec.primaryKey): '\(id)' is already used by another row of \(spec.id) (at \(firstLocation))",
                            location: context.location(of: spec.primaryKey, in: record, table: spec.id, index: index),
                            hint: "give each row its own id"))
                } else {
                    firstIndex[id] = index
                }
            }
        }
        return findings
    }
}
