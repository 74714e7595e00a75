public import RegionKit

/// The layers an export request asks for, built from its dataset and options: the countries (with the polygons
/// `BoundaryLocator` finds), the capitals and the indicators.
public struct LayerSet: Sendable {
    public let options: GeoJSONOptions
    public let layers: [Layer]

    /// Builds the requested layers; bad options, missing polygons or facts that cannot be flattened are errors.
    public init(_ request: ExportRequest) throws(RegionKitError) {
        options = try GeoJSONOptions(request.options)
        var layers: [Layer] = []
        for kind in options.layers {
            switch kind {
            case .countries:
                let boundaries = try BoundaryFile(path: try BoundaryLocator.locate(for: request))
                layers.append(
                    try CountryLayer(dataset: request.dataset, boundaries: boundaries, options: options).make(datasetName: request.name))
            case .capitals:
                layers.append(CapitalLayer(dataset: request.dataset, precision: options.precision).make(datasetName: request.name))
            case .indicators:
                layers.append(IndicatorLayer(dataset: request.dataset, precision: options.precision).make(datasetName: request.name))
            }
        }
        self.layers = layers
    }

    /// The file stem of a layer: `central-asia-countries`.
    public static func fileStem(_ request: ExportRequest, _ layer: Layer) -> String {
        request.name + "-" + layer.name
    }
}
