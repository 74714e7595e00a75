public import RegionKit

/// RFC 7946 GeoJSON for GIS tools: a FeatureCollection of country polygons with the dataset's facts as flat
/// columns, and one of capital points beside it.
///
/// Options: `precision=N` (decimals, 0…15, default 6), `layer=countries,capitals,indicators` (default countries and capitals),
/// `properties=a,b,c` (the country columns, in order), `boundaries=PATH` (another polygon file).
public struct GeoJSONFormat: DatasetExporter {
    public static let id = "geojson"

    public init() {}

    public var descriptor: FormatDescriptor {
        FormatDescriptor(
            id: Self.id, name: "GeoJSON",
            summary: "RFC 7946 country polygons with flat attribute columns, and capital points, for QGIS and GDAL.",
            fileExtensions: ["geojson"], capabilities: [.export], options: GeoJSONOptions.declared)
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        let set = try LayerSet(request)
        let writer = GeoJSONWriter(precision: set.options.precision)
        for layer in set.layers {
            try output.write(named: LayerSet.fileStem(request, layer) + ".geojson") { file throws(RegionKitError) in
                try writer.writeCollection(layer, to: file)
            }
        }
    }
}
