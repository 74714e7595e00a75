public import RegionKit

/// The dataset schema's properties: flat scalars under short lowercase ASCII names, each known column with the
/// type, closed list or pattern of the dataset field it comes from (`LayerColumnSchema`).
public struct PropertyRule: GeoJSONRule {
    public static let code = "properties.type"
    public static let nestedCode = "properties.nested"
    public static let nameCode = "properties.name"
    public static let unknownCode = "properties.unknown"
    public static let missingCode = "properties.missing"

    public init() {}

    public func check(_ input: GeoJSONInput) -> [Finding] {
        var findings: [Finding] = []
        for feature in input.features where !feature.isBareGeometry {
            let path = feature.path.appending("properties")
            guard let members = feature.properties?.objectMembers else {
                if feature.properties == .null {
                    findings.append(
                        Finding(
                            code: Self.missingCode,
                            message: "\(feature.label) has no properties; RegionKit layers carry the dataset's columns",
                            location: input.location(path)))
                }
                continue
            }
            for (name, value) in members {
                let location = input.location(path.appending(name))
                if !LayerColumnSchema.isValidName(name) {
                    findings.append(
                        Finding(
                            code: Self.nameCode, severity: .warning,
                            message:
                                "column name '\(name)' is not short lowercase ASCII (a letter, then letters, digits or underscores, at most \(LayerColumnSchema.longestName) characters)",
                            location: location))
                }
                switch value {
                case .array, .object:
                    findings.append(
                        Finding(
                            code: Self.nestedCode,
                            message: "'\(name)' is \(value.kindDescription); GIS columns hold one scalar each (\(feature.label))",
                            location: location, hint: "join lists into one text, or leave the property out"))
                    continue
                default:
                    break
                }
                switch LayerColumnSchema.check(name, value) {
                case .fine:
                    break
                case .unknown:
                    findings.append(
                        Finding(
                            code: Self.unknownCode, severity: .warning,
                            message: "'\(name)' is not a RegionKit column (indicator columns hold numbers) (\(feature.label))",
                            location: location, hint: Suggestion.hint(for: name, in: LayerColumnSchema.knownNames)))
                case .invalid(let problem):
                    findings.append(Finding(code: Self.code, message: "'\(name)': \(problem) (\(feature.label))", location: location))
                }
            }
        }
        return findings
    }
}
