public import RegionKit

/// The dataset schema's ids: every feature of a RegionKit layer has an `id`, the ISO alpha-3 code of its country,
/// unique in the file and equal to its `iso_a3` property.
public struct FeatureIDRule: GeoJSONRule {
    public static let code = "feature.id"
    public static let duplicateCode = "feature.duplicate-id"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        var seen: [String: JSONPath] = [:]
        let pattern = TextPattern.alpha3
        for feature in input.features where !feature.isBareGeometry {
            guard let id = feature.id else {
                findings.append(
                    Finding(
                        code: Self.code, message: "\(feature.label) has no id; RegionKit layers use the country's ISO alpha-3 code",
                        location: input.location(feature.path)))
                continue
            }
            let location = input.location(feature.path.appending("id"))
            guard let text = id.stringValue else { continue }
            if !pattern.matches(text) {
                findings.append(
                    Finding(
                        code: Self.code, message: "id '\(text)' is not an \(pattern.name) such as \(pattern.example)", location: location))
            }
            if let first = seen[text] {
                findings.append(
                    Finding(
                        code: Self.duplicateCode, message: "id '\(text)' is already used by \(first)", location: location))
            } else {
                seen[text] = feature.path
            }
            if let code = feature.properties?["iso_a3"]?.stringValue, code != text {
                findings.append(
                    Finding(
                        code: Self.code, message: "id '\(text)' differs from the iso_a3 property '\(code)'", location: location))
            }
        }
        return findings
    }
}
