import FormatGeoJSON
public import RegionKit

/// SVG maps of the region: one per mapped column, the countries filled by its values (EAEU and CSTO status by
/// default). Options: `property=a,b`, `projection=albers|conic`, `boundaries=PATH`.
public struct MapFormat: DatasetExporter {
    public static let id = "map"

    public init() {}

    public var descriptor: FormatDescriptor {
        FormatDescriptor(
            id: Self.id, name: "SVG map",
            summary: "SVG maps of the region, countries filled by EAEU and CSTO status, in an equal-area conic projection.",
            fileExtensions: ["svg"], capabilities: [.export], options: MapOptions.declared)
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        let options = try MapOptions(request.options)
        let boundaries = try BoundaryFile(path: try BoundaryLocator.locate(for: request))
        for property in options.properties {
            let map = try SVGMap(
                dataset: request.dataset, datasetName: request.name, boundaries: boundaries, property: property,
                projection: options.projection)
            try output.write(map.svg(), named: SVGMap.fileName(datasetName: request.name, property: property))
        }
    }
}
