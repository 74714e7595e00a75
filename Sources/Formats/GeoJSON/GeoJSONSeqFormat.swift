public import RegionKit

/// GeoJSON text sequences (RFC 8142): the same layers as `geojson`, one feature per record, for tools that stream.
/// It takes the same options.
public struct GeoJSONSeqFormat: DatasetExporter {
    public static let id = "geojsonseq"

    public init() {}

    public var descriptor: FormatDescriptor {
        FormatDescriptor(
            id: Self.id, name: "GeoJSON text sequence",
            summary: "RFC 8142 GeoJSON text sequences: the geojson layers, one feature per record, for streaming.",
            fileExtensions: ["geojsons"], capabilities: [.export, .streaming], options: GeoJSONOptions.declared)
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        let set = try LayerSet(request)
        let writer = GeoJSONWriter(precision: set.options.precision)
        for layer in set.layers {
            try output.write(named: LayerSet.fileStem(request, layer) + ".geojsons") { file throws(RegionKitError) in
                try writer.writeSequence(layer, to: file)
            }
        }
    }
}
