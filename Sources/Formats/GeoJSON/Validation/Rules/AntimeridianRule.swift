public import RegionKit

/// RFC 7946 §3.1.9: a line or ring that crosses the antimeridian is cut into parts on either side. A segment whose
/// ends are more than 180° of longitude apart crosses it uncut.
public struct AntimeridianRule: GeoJSONRule {
    public static let code = "geojson.antimeridian"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        for feature in input.features {
            for run in feature.runs where run.kind != .points {
                let crossing = run.positions.indices.dropFirst().first { index in
                    abs(run.positions[index].longitude - run.positions[index - 1].longitude) > 180
                }
                guard let crossing else { continue }
                let what = run.kind == .line ? "line" : (run.kind == .hole ? "hole" : "ring")
                findings.append(
                    Finding(
                        code: Self.code,
                        message:
                            "\(what) crosses the antimeridian between positions \(crossing - 1) and \(crossing) without being cut (\(feature.label))",
                        location: input.location(run.path),
                        hint: "RFC 7946 §3.1.9: cut it at ±180 into parts that form a Multi geometry"))
            }
        }
        return findings
    }
}
