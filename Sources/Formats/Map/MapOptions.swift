import FormatGeoJSON
public import RegionKit

/// The options of the map: `property=a,b` (the columns to map, one file each; default `eaeu_status,csto_status`)
/// and `projection=albers|conic` (default albers).
public struct MapOptions: Sendable {
    /// The columns mapped when none is named: EAEU and CSTO status.
    public static let defaultProperties = ["eaeu_status", "csto_status"]

    /// The options as the map declares them, for `regionkit formats` and the option checks.
    public static let declared: [FormatOption] = [
        FormatOption(
            key: "property", summary: "the text columns to map, comma-separated, one file each",
            defaultValue: defaultProperties.joined(separator: ",")),
        FormatOption(
            key: "projection", summary: "albers (equal-area conic) or conic (equidistant conic)",
            values: MapProjection.Kind.allCases.map(\.rawValue), defaultValue: "albers"),
        FormatOption(key: BoundaryLocator.option, summary: "another country polygon file (GeoJSON with iso_a3 properties)"),
    ]

    public var properties: [String]
    public var projection: MapProjection.Kind

    public init(properties: [String] = MapOptions.defaultProperties, projection: MapProjection.Kind = .albers) {
        self.properties = properties
        self.projection = projection
    }

    /// Reads the options the map knows; options of other formats are left alone.
    public init(_ options: [String: String]) throws(RegionKitError) {
        self.init()
        if let text = options["property"] {
            let names = text.split(separator: ",").map { String($0).filter { $0 != " " } }.filter { !$0.isEmpty }
            guard !names.isEmpty else { throw RegionKitError(.invalidOption, "property=: name at least one column") }
            properties = names
        }
        if let text = options["projection"] {
            guard let kind = MapProjection.Kind(rawValue: text) else {
                throw RegionKitError(
                    .invalidOption,
                    "projection=\(text): unknown; use \(MapProjection.Kind.allCases.map(\.rawValue).joined(separator: " or "))")
            }
            projection = kind
        }
    }
}
