/// Checks that a capital's longitude and latitude come together, and only with a capital's name.
public struct CapitalCoordinatesRule: DatasetRule {
    public static let name = "countries.capital"
    public static let summary = "A capital's longitude and latitude are given together, and only with the capital's name."

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, record) in dataset[.countries].enumerated() {
            let hasLongitude = record.has("capital_longitude")
            let hasLatitude = record.has("capital_latitude")
            if hasLongitude != hasLatitude {
                let missing = hasLongitude ? "capital_latitude" : "capital_longitude"
                findings.append(
                    Finding(
                        code: "countries.capital.coordinates",
                        message: "\(missing): the capital's coordinates come in pairs; '\(missing)' is missing",
                        location: context.location(
                            of: hasLongitude ? "capital_longitude" : "capital_latitude", in: record, table: .countries, index: index)))
            }
            if (hasLongitude || hasLatitude) && !record.has("capital") {
                findings.append(
                    Finding(
                        code: "countries.capital.name",
                        message: "capital: coordinates are given but the capital's name is missing",
                        location: context.location(of: nil, in: record, table: .countries, index: index)))
            }
        }
        return findings
    }
}
