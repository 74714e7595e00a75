/// Checks that periods do not end before they begin.
public struct DateOrderRule: DatasetRule {
    public static let name = "dates.order"
    public static let summary = "A period's start is not after its end (memberships from/to, events date/end)."

    /// The start and end fields of each table that has periods.
    static let periods: [(table: TableID, start: String, end: String)] = [
        (.memberships, "from", "to"),
        (.events, "date", "end"),
    ]

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for period in Self.periods {
            for (index, record) in dataset[period.table].enumerated() {
                guard let start = record[period.start]?.date, let end = record[period.end]?.date else { continue }
                if !start.mayPrecedeOrEqual(end) {
                    findings.append(
                        Finding(
                            code: Self.name,
                            message: "\(period.end): the period ends (\(end)) before it begins (\(start))",
                            location: context.location(of: period.end, in: record, table: period.table, index: index),
                            hint: "swap '\(period.start)' and '\(period.end)'?"))
                }
            }
        }
        return findings
    }
}
