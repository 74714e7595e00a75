public import RegionKit

/// A GeoJSON document as the checks see it: its features, each with its id, properties, box and coordinates, and
/// the JSON path of every part so that findings can point at it.
public struct GeoJSONInput: Sendable {
    /// The file, as the user named it.
    public var file: String
    /// The collection's `bbox`, when it has one.
    public var bbox: BoxMember?
    public var features: [FeatureInput]

    public init(file: String, bbox: BoxMember? = nil, features: [FeatureInput] = []) {
        self.file = file
        self.bbox = bbox
        self.features = features
    }

    /// The location of a path in the file.
    public func location(_ path: JSONPath) -> Location {
        Location(file: file, path: path.description)
    }
}

/// A `bbox` member: its path and numbers.
public struct BoxMember: Sendable {
    public var path: JSONPath
    public var values: [Double]

    /// The box, when it has four numbers (a two-dimensional box).
    public var box: BoundingBox? {
        values.count == 4 ? BoundingBox(west: values[0], south: values[1], east: values[2], north: values[3]) : nil
    }
}

/// One feature (or a bare geometry at the root) of a GeoJSON document.
public struct FeatureInput: Sendable {
    /// The path of the feature object.
    public var path: JSONPath
    /// Whether this is a bare geometry rather than a Feature: no id or properties to check.
    public var isBareGeometry = false
    /// The `id` member, when present.
    public var id: JSONValue?
    /// The `properties` member, when present.
    public var properties: JSONValue?
    public var bbox: BoxMember?
    /// The geometry's type names, for schema checks (`MultiPolygon`, `Point`).
    public var geometryTypes: [String] = []
    /// Every run of positions of the geometry: rings, lines and points.
    public var runs: [PositionRun] = []

    /// How findings name the feature: `feature 'KAZ'` by its id, else by its position and its `iso_a3` or `name`
    /// property (`feature 3, 'Kyrgyzstan'`).
    public var label: String {
        if let id = id?.stringValue { return "feature '\(id)'" }
        if let id = id?.numberValue { return "feature \(Value.format(id))" }
        guard case .index(let index)? = path.components.last else { return "the geometry" }
        let named = properties?["iso_a3"]?.stringValue ?? properties?["name"]?.stringValue
        return "feature \(index)" + (named.map { ", '\($0)'" } ?? "")
    }
}

/// Positions that belong together: a polygon ring, a line, or the points of a (Multi)Point.
public struct PositionRun: Sendable {
    public enum Kind: Sendable, Hashable {
        case exteriorRing, hole, line, points
    }

    /// The path of the array that holds the positions.
    public var path: JSONPath
    public var kind: Kind
    public var positions: [Position]

    /// The path of one position of the run.
    public func path(of index: Int) -> JSONPath {
        kind == .points && positions.count == 1 && !isMulti ? path : path.appending(index)
    }

    /// Whether the run is a MultiPoint's array rather than a single Point's position.
    public var isMulti = true
}
