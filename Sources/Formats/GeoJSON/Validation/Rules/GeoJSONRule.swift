public import RegionKit

/// One check of a GeoJSON document, after its structure has been read.
public protocol GeoJSONRule: Sendable {
    /// Every finding of the rule, in document order.
    func check(_ input: GeoJSONInput) -> [Finding]
}

/// The checks `regionkit validate` runs on GeoJSON, in order: RFC 7946 first, then the dataset schema.
public enum GeoJSONRules {
    public static let all: [any GeoJSONRule] = [
        LinearRingRule(), WindingRule(), CoordinateRangeRule(), AntimeridianRule(), RepeatedPositionRule(),
        BoundingBoxRule(), FeatureIDRule(), PropertyRule(),
    ]
}
