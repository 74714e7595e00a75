public import RegionKit

/// Builds the point layer of indicators: one Point per indicator row, placed at the capital of the row's country,
/// so that a GIS can map a series (filter by `indicator` and `year`, size or colour by `value`).
///
/// A row whose country has no capital coordinates has no place on the map and is left out; the layer's
/// description says how many were.
public struct IndicatorLayer: Sendable {
    /// The columns of the indicator layer, in order.
    public static let columns: [AttributeColumn] = [
        AttributeColumn("id", .text, "the indicator row's id, the same as the feature id"),
        AttributeColumn("country", .text, "ISO 3166-1 alpha-3 code of the country the figure is about"),
        AttributeColumn("partner", .text, "ISO 3166-1 alpha-3 code of the partner country, for bilateral figures"),
        AttributeColumn("indicator", .text, "what is measured (a key of the indicator list)"),
        AttributeColumn("value", .real, "the figure; empty when the source gives none"),
        AttributeColumn("unit", .text, "the unit of the figure"),
        AttributeColumn("qualifier", .text, "how the source qualifies the figure (about, over, up to)"),
        AttributeColumn("date", .text, "the date the figure refers to: YYYY, YYYY-MM or YYYY-MM-DD"),
        AttributeColumn("year", .integer, "the year of that date, for filtering a time series"),
        AttributeColumn("note", .text, "a note on the figure"),
        AttributeColumn("source", .text, "the id of the source the figure comes from"),
    ]

    public let dataset: Dataset
    public let precision: CoordinatePrecision

    public init(dataset: Dataset, precision: CoordinatePrecision) {
        self.dataset = dataset
        self.precision = precision
    }

    public func make(datasetName: String) -> Layer {
        var capitals: [String: Position] = [:]
        for country in dataset.countryRows {
            guard let longitude = country.capitalLongitude, let latitude = country.capitalLatitude else { continue }
            capitals[country.id] = precision.round(Position(longitude, latitude))
        }
        var features: [LayerFeature] = []
        features.reserveCapacity(dataset[.indicators].count)
        var unplaced = 0
        for record in dataset[.indicators] {
            let row = Indicator(record)
            guard let position = capitals[row.country] else {
                unplaced += 1
                continue
            }
            let values: [AttributeValue] = [
                .text(row.id), .text(row.country), Self.text(row.partner), .text(row.indicator), row.value.map { .real($0) } ?? .null,
                .text(row.unit), Self.text(row.qualifier), Self.text(row.date?.description), row.date.map { .integer($0.year) } ?? .null,
                Self.text(row.note), .text(row.source),
            ]
            features.append(LayerFeature(id: row.id, values: values, geometry: .point(position), bbox: nil))
        }
        let left =
            unplaced == 0 ? "" : " \(unplaced) row\(unplaced == 1 ? " is" : "s are") left out: their country has no capital coordinates."
        return Layer(
            name: "indicators",
            description: "Indicators of the \(datasetName) dataset, one point per figure at the capital of its country.\(left)",
            columns: Self.columns, features: features)
    }

    private static func text(_ value: String?) -> AttributeValue {
        value.map { .text($0) } ?? .null
    }
}
