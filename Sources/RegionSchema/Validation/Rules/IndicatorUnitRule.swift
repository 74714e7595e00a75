/// Checks that every row of one indicator uses the same unit.
public struct IndicatorUnitRule: DatasetRule {
    public static let name = "indicators.unit"
    public static let summary = "Each indicator has one unit across all its rows."

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        var firstUnit: [String: (unit: String, index: Int)] = [:]
        var findings: [Finding] = []
        for (index, record) in dataset[.indicators].enumerated() {
            guard let indicator = record["indicator"]?.text, let unit = record["unit"]?.text else { continue }
            if let first = firstUnit[indicator] {
                if first.unit != unit {
                    let firstLocation = context.location(
                        of: "unit", in: dataset[.indicators][first.index], table: .indicators, index: first.index)
                    findings.append(
                        Finding(
                            code: Self.name,
                            message: "unit: indicator '\(indicator)' is in '\(first.unit)' elsewhere (at \(firstLocation)), not '\(unit)'",
                            location: context.location(of: "unit", in: record, table: .indicators, index: index),
                            hint: "convert the value to '\(first.unit)' or use another indicator key"))
                }
            } else {
                firstUnit[indicator] = (unit, index)
            }
        }
        return findings
    }
}
