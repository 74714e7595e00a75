public import RegionKit

/// RFC 7946 §3.1.6: a linear ring is closed (its last position equals its first) and has at least four positions.
public struct LinearRingRule: GeoJSONRule {
    public static let code = "geojson.ring"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        for feature in input.features {
            for run in feature.runs where run.kind == .exteriorRing || run.kind == .hole {
                let ring = LinearRing(run.positions)
                let what = run.kind == .exteriorRing ? "exterior ring" : "hole"
                if run.positions.count < 4 {
                    findings.append(
                        Finding(
                            code: Self.code,
                            message: "\(what) has \(run.positions.count) positions; a linear ring needs at least four (\(feature.label))",
                            location: input.location(run.path)))
                } else if !ring.isClosed {
                    findings.append(
                        Finding(
                            code: Self.code, message: "\(what) is not closed: its last position differs from its first (\(feature.label))",
                            location: input.location(run.path), hint: "repeat the first position at the end"))
                }
            }
        }
        return findings
    }
}
