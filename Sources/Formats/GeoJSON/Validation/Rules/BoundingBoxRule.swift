public import RegionKit

/// RFC 7946 §5: a `bbox` holds every position of its feature or collection, with west > east when it crosses the
/// antimeridian. A box that does not is an error; one larger than the positions need is a warning.
public struct BoundingBoxRule: GeoJSONRule {
    public static let code = "geojson.bbox"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        var all = BoundingBox.Builder()
        var everything: [Position] = []
        for feature in input.features {
            let positions = feature.runs.flatMap(\.positions)
            everything += positions
            let needed = Self.enclosing(feature.runs)
            if let needed { all.add(needed) }
            if let member = feature.bbox {
                findings += check(member, positions: positions, needed: needed, what: "the bbox of \(feature.label)", in: input)
            }
        }
        if let member = input.bbox {
            findings += check(member, positions: everything, needed: all.box, what: "the collection's bbox", in: input)
        }
        return findings
    }

    /// The smallest box around runs that do not cross the antimeridian: each ring or line covers its whole span of
    /// longitudes, points only their own.
    static func enclosing(_ runs: [PositionRun]) -> BoundingBox? {
        var builder = BoundingBox.Builder()
        for run in runs {
            if run.kind == .points || AntimeridianSplitter.crosses(LinearRing(run.positions)) {
                run.positions.forEach { builder.add($0) }
            } else {
                builder.add(LinearRing(run.positions))
            }
        }
        return builder.box
    }

    func check(_ member: BoxMember, positions: [Position], needed: BoundingBox?, what: String, in input: GeoJSONInput) -> [Finding] {
        let location = input.location(member.path)
        let dimensions = member.values.count / 2
        let west = member.values[0], south = member.values[1]
        let east = member.values[dimensions], north = member.values[dimensions + 1]
        guard (-180...180).contains(west), (-180...180).contains(east), (-90...90).contains(south), (-90...90).contains(north),
            south <= north
        else {
            return [
                Finding(
                    code: Self.code, message: "\(what) is not [west, south, east, north] within -180…180 and -90…90 with south ≤ north",
                    location: location)
            ]
        }
        let box = BoundingBox(west: west, south: south, east: east, north: north)
        if let outside = positions.first(where: { !box.contains($0) }) {
            return [
                Finding(
                    code: Self.code, message: "\(what) does not contain the position \(outside)", location: location,
                    hint: needed.map { "expected \(Self.text($0))" })
            ]
        }
        if let needed, !Self.close(box, needed) {
            return [
                Finding(
                    code: Self.code, severity: .warning, message: "\(what) is larger than its positions need", location: location,
                    hint: "expected \(Self.text(needed))")
            ]
        }
        return []
    }

    static func close(_ a: BoundingBox, _ b: BoundingBox) -> Bool {
        zip(a.values, b.values).allSatisfy { abs($0 - $1) <= 1e-9 }
    }

    static func text(_ box: BoundingBox) -> String {
        "[" + box.values.map { "\($0)" }.joined(separator: ", ") + "]"
    }
}
