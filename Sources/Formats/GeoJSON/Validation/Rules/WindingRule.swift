public import RegionKit

/// RFC 7946 §3.1.6, the right-hand rule: exterior rings run counter-clockwise and holes clockwise. Rings that cross
/// the antimeridian have no meaningful orientation until they are cut, so `AntimeridianRule` reports them instead.
public struct WindingRule: GeoJSONRule {
    public static let code = "geojson.winding"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        for feature in input.features {
            for run in feature.runs where (run.kind == .exteriorRing || run.kind == .hole) && run.positions.count >= 4 {
                let ring = LinearRing(run.positions)
                guard !AntimeridianSplitter.crosses(ring) else { continue }
                let area = ring.signedArea
                let location = input.location(run.path)
                if area == 0 {
                    findings.append(Finding(code: Self.code, message: "ring encloses no area (\(feature.label))", location: location))
                } else if run.kind == .exteriorRing && area < 0 {
                    findings.append(
                        Finding(
                            code: Self.code, message: "exterior ring is clockwise (\(feature.label))", location: location,
                            hint: "RFC 7946 §3.1.6: exterior rings run counter-clockwise; reverse its positions"))
                } else if run.kind == .hole && area > 0 {
                    findings.append(
                        Finding(
                            code: Self.code, message: "hole is counter-clockwise (\(feature.label))", location: location,
                            hint: "RFC 7946 §3.1.6: holes run clockwise; reverse its positions"))
                }
            }
        }
        return findings
    }
}
