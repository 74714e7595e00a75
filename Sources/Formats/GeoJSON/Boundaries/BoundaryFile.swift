import RegionKit

/// Country polygons read from a GeoJSON file such as the Natural Earth extract in `Fixtures/natural-earth/`, keyed
/// by the ISO alpha-3 code in each feature's `iso_a3` property (or its `id`). Rings may run either way.
public struct BoundaryFile: Sendable {
    /// The file as the user named it.
    public let path: String
    /// The polygons of each country, by ISO alpha-3 code, in file order.
    public let countries: [String: [Polygon]]
    /// Every code, in file order.
    public let codes: [String]

    /// Reads the file; an unreadable file, a file that is not JSON, or a feature that is not a polygon is an error.
    public init(path: String) throws(RegionKitError) {
        let bytes = try FileAccess.read(path, maximumBytes: GeoJSONValidator.maximumFileBytes)
        let root: JSONValue
        do {
            root = try JSONReader().read(bytes)
        } catch {
            throw error.located(in: path)
        }
        guard let features = root["features"]?.arrayItems else {
            throw RegionKitError(.unsupported, "\(path): not a GeoJSON FeatureCollection of country polygons")
        }
        var countries: [String: [Polygon]] = [:]
        var codes: [String] = []
        for (index, feature) in features.enumerated() {
            let at = JSONPath.root.appending("features").appending(index)
            guard let code = feature["properties"]?["iso_a3"]?.stringValue ?? feature["id"]?.stringValue else {
                throw RegionKitError(.unsupported, "\(path):\(at): the feature has no iso_a3 property or id")
            }
            let polygons: [Polygon]
            do {
                polygons = try Self.polygons(of: feature["geometry"] ?? .null)
            } catch {
                throw RegionKitError(.unsupported, "\(path):\(at.appending("geometry")): \(error.message)")
            }
            if countries[code] == nil { codes.append(code) }
            countries[code, default: []] += polygons
        }
        self.path = path
        self.countries = countries
        self.codes = codes
    }

    /// The polygons of a Polygon or MultiPolygon geometry.
    static func polygons(of geometry: JSONValue) throws(GeometryError) -> [Polygon] {
        let coordinates = geometry["coordinates"]
        switch geometry["type"]?.stringValue {
        case "Polygon":
            return [try polygon(coordinates)]
        case "MultiPolygon":
            guard let items = coordinates?.arrayItems else { throw GeometryError("MultiPolygon coordinates must be an array") }
            var polygons: [Polygon] = []
            for item in items { polygons.append(try polygon(item)) }
            return polygons
        default:
            throw GeometryError("expected a Polygon or MultiPolygon geometry")
        }
    }

    private static func polygon(_ value: JSONValue?) throws(GeometryError) -> Polygon {
        guard let rings = value?.arrayItems, !rings.isEmpty else { throw GeometryError("a polygon needs at least one ring") }
        var parsed: [LinearRing] = []
        for ring in rings {
            guard let items = ring.arrayItems else { throw GeometryError("a ring must be an array of positions") }
            var positions: [Position] = []
            for item in items {
                guard let pair = item.arrayItems, pair.count >= 2, let longitude = pair[0].numberValue, let latitude = pair[1].numberValue
                else {
                    throw GeometryError("a position must be an array of two numbers")
                }
                positions.append(Position(longitude, latitude))
            }
            parsed.append(LinearRing(positions))
        }
        return Polygon(exterior: parsed[0], holes: Array(parsed.dropFirst()))
    }
}
