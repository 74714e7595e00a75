import RegionKit

/// The fill colours of the map: a fixed colour per membership status, so that maps of different organizations
/// read alike, and a qualitative palette for other text columns.
public enum MapPalette {
    /// The fill of a dataset country with no value in the column.
    public static let noValue = "#c8c8c8"
    /// The fill of a country the dataset does not cover, drawn for context.
    public static let context = "#ececec"
    /// The fill of the map's frame where no country is drawn.
    public static let background = "#f5f8fb"

    /// The colour of each membership status.
    public static let statuses: [String: String] = [
        "member": "#1f78b4", "prospective": "#a6cee3", "participant": "#33a02c", "party": "#b2df8a",
        "observer": "#cab2d6", "suspended": "#fdbf6f", "withdrawn": "#e6550d",
    ]

    /// Colours for the values of other text columns, in the order the values are listed (ColorBrewer Set2).
    static let qualitative = ["#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3"]

    /// The values of a column in legend order (their closed list's order where there is one), each with its colour.
    public static func colours(for values: Set<String>, column: String) -> [(value: String, colour: String)] {
        if column.hasSuffix("_status") {
            let order = Domains.membershipStatus.values
            let ordered = order.filter(values.contains) + values.subtracting(order).sorted()
            return ordered.map { ($0, statuses[$0] ?? noValue) }
        }
        let order = column == "role" ? Domains.countryRole.values : []
        let ordered = order.filter(values.contains) + values.subtracting(order).sorted()
        return ordered.enumerated().map { index, value in (value, qualitative[index % qualitative.count]) }
    }
}
