@_exported public import FormatCSV
@_exported public import FormatGeoJSON
@_exported public import FormatMap
@_exported public import FormatXLSX
@_exported public import FormatYAML
@_exported public import RegionKit

extension FormatRegistry {
    /// The formats built into RegionKit, in the order `regionkit formats` lists and `regionkit export` writes them.
    public static let builtIn = FormatRegistry([
        YAMLFormat(),
        CSVFormat(),
        XLSXFormat(),
        GeoJSONFormat(),
        GeoJSONSeqFormat(),
        MapFormat(),
    ])
}
