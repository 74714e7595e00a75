public import RegionKit

/// Builds the point layer of capitals: one Point per dataset country whose capital has coordinates.
///
/// The dataset has no coordinates for military bases and its source gives none, so bases are not points here;
/// the country layer says which country hosts which base (`bases`, `base_operator`).
public struct CapitalLayer: Sendable {
    /// The columns of the capital layer, in order.
    public static let columns: [AttributeColumn] = [
        AttributeColumn("iso_a3", .text, "ISO 3166-1 alpha-3 code of the country, the same as the feature id"),
        AttributeColumn("name", .text, "the capital's name as the dataset gives it"),
        AttributeColumn("country", .text, "the country's name"),
        AttributeColumn("role", .text, "the country's part in the dataset"),
        AttributeColumn("kind", .text, "what the point is: capital"),
    ]

    public let dataset: Dataset
    public let precision: CoordinatePrecision

    public init(dataset: Dataset, precision: CoordinatePrecision) {
        self.dataset = dataset
        self.precision = precision
    }

    public func make(datasetName: String) -> Layer {
        var features: [LayerFeature] = []
        for country in dataset.countryRows {
            guard let capital = country.capital, let longitude = country.capitalLongitude, let latitude = country.capitalLatitude else {
                continue
            }
            let values: [AttributeValue] = [.text(country.id), .text(capital), .text(country.name), .text(country.role), .text("capital")]
            features.append(
                LayerFeature(
                    id: country.id, values: values, geometry: .point(precision.round(Position(longitude, latitude))), bbox: nil))
        }
        return Layer(
            name: "capitals", description: "Capitals of the countries of the \(datasetName) dataset, from the dataset's coordinates.",
            columns: Self.columns, features: features)
    }
}
