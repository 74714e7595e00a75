public import RegionKit

/// Consecutive positions that are the same add nothing and trouble some tools; RegionKit's exports have none.
/// A warning, once per array, at the first repeat (a ring's closing position does not count).
public struct RepeatedPositionRule: GeoJSONRule {
    public static let code = "geojson.repeated-position"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        for feature in input.features {
            for run in feature.runs where run.kind != .points {
                let repeats = run.positions.indices.dropFirst().filter { run.positions[$0] == run.positions[$0 - 1] }
                guard let first = repeats.first else { continue }
                let more = repeats.count > 1 ? " (\(repeats.count) repeats in this array)" : ""
                findings.append(
                    Finding(
                        code: Self.code, severity: .warning,
                        message: "position \(first) repeats the one before it\(more) (\(feature.label))",
                        location: input.location(run.path(of: first))))
            }
        }
        return findings
    }
}
