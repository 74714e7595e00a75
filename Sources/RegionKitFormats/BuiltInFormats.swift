@_exported public import RegionKit
@_exported public import FormatYAML
@_exported public import FormatCSV
@_exported public import FormatGeoJSON
@_exported public import FormatMap

extension FormatRegistry {
    /// The formats built into RegionKit, in the order `regionkit formats` lists and `regionkit export` writes them.
    public static let builtIn = FormatRegistry([
        YAMLFormat(),
        CSVFormat(),
        GeoJSONFormat(),
        GeoJSONSeqFormat(),
        MapFormat(),
    ])
}
