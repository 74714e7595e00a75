public import RegionKit

/// Reads the structure RFC 7946 asks of a GeoJSON document into a `GeoJSONInput`, with a finding for every member
/// that is missing, of the wrong kind, or forbidden (`crs`). What it cannot read is left out of the input, so the
/// other checks see only well-formed parts.
public struct GeoJSONStructureReader: Sendable {
    /// The code of the findings it makes.
    public static let code = "geojson.structure"
    public static let crsCode = "geojson.crs"

    static let geometryTypes: Set<String> = [
        "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
    ]

    public let file: String

    public init(file: String) {
        self.file = file
    }

    /// The input and the structural findings of a parsed document. `root` names the document's path: `$` for a
    /// file, `records[3]` for one record of a sequence.
    public func read(_ value: JSONValue, at root: JSONPath = .root) -> (input: GeoJSONInput, findings: [Finding]) {
        var state = State(file: file)
        state.readRoot(value, at: root)
        return (state.input, state.findings)
    }

    struct State {
        var input: GeoJSONInput
        var findings: [Finding] = []

        init(file: String) {
            input = GeoJSONInput(file: file)
        }

        mutating func problem(
            _ path: JSONPath, _ message: String, code: String = GeoJSONStructureReader.code,
            severity: Finding.Severity = .error, hint: String? = nil
        ) {
            findings.append(Finding(code: code, severity: severity, message: message, location: input.location(path), hint: hint))
        }

        mutating func readRoot(_ value: JSONValue, at path: JSONPath) {
            guard let type = objectType(value, at: path, what: "a GeoJSON object") else { return }
            checkCRS(value, at: path)
            switch type {
            case "FeatureCollection":
                input.bbox = box(value, at: path)
                guard let features = value["features"] else {
                    return problem(path, "a FeatureCollection needs a 'features' member")
                }
                guard let items = features.arrayItems else {
                    return problem(path.appending("features"), "'features' must be an array, not \(features.kindDescription)")
                }
                for (index, item) in items.enumerated() {
                    readFeature(item, at: path.appending("features").appending(index))
                }
            case "Feature":
                readFeature(value, at: path)
            case _ where GeoJSONStructureReader.geometryTypes.contains(type):
                var feature = FeatureInput(path: path, isBareGeometry: true)
                feature.bbox = box(value, at: path)
                readGeometry(value, at: path, into: &feature)
                input.features.append(feature)
            default:
                problem(
                    path.appending("type"), "'\(type)' is not a GeoJSON type",
                    hint: Suggestion.hint(for: type, in: ["FeatureCollection", "Feature"] + GeoJSONStructureReader.geometryTypes.sorted()))
            }
        }

        mutating func readFeature(_ value: JSONValue, at path: JSONPath) {
            guard let type = objectType(value, at: path, what: "a Feature") else { return }
            guard type == "Feature" else {
                return problem(path.appending("type"), "expected a Feature, found type '\(type)'")
            }
            checkCRS(value, at: path)
            var feature = FeatureInput(path: path)
            feature.id = value["id"]
            if let id = feature.id, id.stringValue == nil, id.numberValue == nil {
                problem(path.appending("id"), "a feature id must be a string or a number, not \(id.kindDescription)")
            }
            feature.bbox = box(value, at: path)
            if let properties = value["properties"] {
                if properties.objectMembers == nil && properties != .null {
                    problem(path.appending("properties"), "'properties' must be an object or null, not \(properties.kindDescription)")
                } else {
                    feature.properties = properties
                }
            } else {
                problem(path, "a Feature needs a 'properties' member (an object or null)")
            }
            if let geometry = value["geometry"] {
                if geometry != .null {
                    if let type = objectType(geometry, at: path.appending("geometry"), what: "a geometry") {
                        if GeoJSONStructureReader.geometryTypes.contains(type) {
                            checkCRS(geometry, at: path.appending("geometry"))
                            readGeometry(geometry, at: path.appending("geometry"), into: &feature)
                        } else {
                            problem(
                                path.appending("geometry").appending("type"), "'\(type)' is not a geometry type",
                                hint: Suggestion.hint(for: type, in: GeoJSONStructureReader.geometryTypes.sorted()))
                        }
                    }
                }
            } else {
                problem(path, "a Feature needs a 'geometry' member (a geometry or null)")
            }
            input.features.append(feature)
        }

        mutating func readGeometry(_ value: JSONValue, at path: JSONPath, into feature: inout FeatureInput) {
            guard let type = value["type"]?.stringValue else { return }
            feature.geometryTypes.append(type)
            if type == "GeometryCollection" {
                guard let geometries = value["geometries"]?.arrayItems else {
                    return problem(path, "a GeometryCollection needs a 'geometries' array")
                }
                for (index, geometry) in geometries.enumerated() {
                    let at = path.appending("geometries").appending(index)
                    guard let inner = objectType(geometry, at: at, what: "a geometry") else { continue }
                    guard GeoJSONStructureReader.geometryTypes.contains(inner) else {
                        problem(at.appending("type"), "'\(inner)' is not a geometry type")
                        continue
                    }
                    readGeometry(geometry, at: at, into: &feature)
                }
                return
            }
            let at = path.appending("coordinates")
            guard let coordinates = value["coordinates"] else {
                return problem(path, "a \(type) needs a 'coordinates' member")
            }
            switch type {
            case "Point":
                if let position = position(coordinates, at: at) {
                    var run = PositionRun(path: at, kind: .points, positions: [position])
                    run.isMulti = false
                    feature.runs.append(run)
                }
            case "MultiPoint":
                if let positions = positions(coordinates, at: at, minimum: 0, what: "a MultiPoint") {
                    feature.runs.append(PositionRun(path: at, kind: .points, positions: positions))
                }
            case "LineString":
                if let positions = positions(coordinates, at: at, minimum: 2, what: "a LineString") {
                    feature.runs.append(PositionRun(path: at, kind: .line, positions: positions))
                }
            case "MultiLineString":
                for (index, line) in items(coordinates, at: at, what: "MultiLineString coordinates") {
                    if let positions = positions(line, at: at.appending(index), minimum: 2, what: "a LineString") {
                        feature.runs.append(PositionRun(path: at.appending(index), kind: .line, positions: positions))
                    }
                }
            case "Polygon":
                readPolygon(coordinates, at: at, into: &feature)
            case "MultiPolygon":
                for (index, polygon) in items(coordinates, at: at, what: "MultiPolygon coordinates") {
                    readPolygon(polygon, at: at.appending(index), into: &feature)
                }
            default:
                break
            }
        }

        mutating func readPolygon(_ value: JSONValue, at path: JSONPath, into feature: inout FeatureInput) {
            let rings = items(value, at: path, what: "polygon coordinates")
            if rings.isEmpty, value.arrayItems != nil { problem(path, "a polygon needs an exterior ring") }
            for (index, ring) in rings {
                if let positions = positions(ring, at: path.appending(index), minimum: 0, what: "a linear ring") {
                    feature.runs.append(
                        PositionRun(path: path.appending(index), kind: index == 0 ? .exteriorRing : .hole, positions: positions))
                }
            }
        }

        /// The items of an array, with a finding when the value is not one.
        mutating func items(_ value: JSONValue, at path: JSONPath, what: String) -> [(Int, JSONValue)] {
            guard let items = value.arrayItems else {
                problem(path, "\(what) must be an array, not \(value.kindDescription)")
                return []
            }
            return Array(items.enumerated())
        }

        mutating func positions(_ value: JSONValue, at path: JSONPath, minimum: Int, what: String) -> [Position]? {
            guard let items = value.arrayItems else {
                problem(path, "\(what) must be an array of positions, not \(value.kindDescription)")
                return nil
            }
            var positions: [Position] = []
            for (index, item) in items.enumerated() {
                guard let position = position(item, at: path.appending(index)) else { return nil }
                positions.append(position)
            }
            if positions.count < minimum {
                problem(path, "\(what) needs at least \(minimum) positions, it has \(positions.count)")
            }
            return positions
        }

        mutating func position(_ value: JSONValue, at path: JSONPath) -> Position? {
            guard let items = value.arrayItems, items.count >= 2, items.allSatisfy({ $0.numberValue != nil }) else {
                problem(path, "a position must be an array of two or three numbers (longitude, latitude, altitude)")
                return nil
            }
            if items.count > 3 {
                problem(path, "a position has \(items.count) numbers; RFC 7946 §3.1.1 wants at most three", severity: .warning)
            }
            return Position(items[0].numberValue ?? 0, items[1].numberValue ?? 0)
        }

        mutating func box(_ value: JSONValue, at path: JSONPath) -> BoxMember? {
            guard let member = value["bbox"] else { return nil }
            let at = path.appending("bbox")
            guard let items = member.arrayItems, [4, 6].contains(items.count), items.allSatisfy({ $0.numberValue != nil }) else {
                problem(at, "a bbox must be an array of 4 numbers (west, south, east, north) or 6 with altitudes")
                return nil
            }
            return BoxMember(path: at, values: items.compactMap(\.numberValue))
        }

        mutating func objectType(_ value: JSONValue, at path: JSONPath, what: String) -> String? {
            guard value.objectMembers != nil else {
                problem(path, "expected \(what) (a JSON object), found \(value.kindDescription)")
                return nil
            }
            guard let type = value["type"] else {
                problem(path, "\(what) needs a 'type' member")
                return nil
            }
            guard let text = type.stringValue else {
                problem(path.appending("type"), "'type' must be a string, not \(type.kindDescription)")
                return nil
            }
            return text
        }

        mutating func checkCRS(_ value: JSONValue, at path: JSONPath) {
            guard value["crs"] != nil else { return }
            problem(
                path.appending("crs"), "a 'crs' member is not allowed: RFC 7946 coordinates are always WGS 84 longitude, latitude",
                code: GeoJSONStructureReader.crsCode, hint: "remove it (RFC 7946 §4)")
        }
    }
}
