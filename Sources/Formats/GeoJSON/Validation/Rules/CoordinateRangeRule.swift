public import RegionKit

/// RFC 7946 §4: longitudes within −180…180 and latitudes within −90…90. One finding per run of positions, at the
/// first position out of range.
public struct CoordinateRangeRule: GeoJSONRule {
    public static let code = "geojson.range"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        for feature in input.features {
            for run in feature.runs {
                let outside = run.positions.indices.filter { index in
                    let position = run.positions[index]
                    return !(-180...180).contains(position.longitude) || !(-90...90).contains(position.latitude)
                }
                guard let first = outside.first else { continue }
                let position = run.positions[first]
                let more = outside.count > 1 ? " (and \(outside.count - 1) more in this array)" : ""
                findings.append(
                    Finding(
                        code: Self.code,
                        message:
                            "position \(position) is out of range: longitude must be within -180…180 and latitude within -90…90\(more) (\(feature.label))",
                        location: input.location(run.path(of: first)),
                        hint: "coordinates are WGS 84 longitude, latitude in that order"))
            }
        }
        return findings
    }
}
