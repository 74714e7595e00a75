public import RegionKit

/// What the columns of RegionKit's layers may hold, from the dataset schema: codes with their patterns, roles,
/// statuses and cooperation areas from their closed lists, years as whole numbers, indicators as numbers.
public enum LayerColumnSchema {
    /// The longest column name (GeoPackage and PostGIS take 63 characters).
    public static let longestName = 63

    /// The result of checking one value.
    public enum Verdict: Sendable, Hashable {
        case fine
        case unknown
        case invalid(String)
    }

    indirect enum Rule: Sendable {
        case text
        case pattern(TextPattern)
        case domain(EnumDomain)
        case joined(Rule)
        case oneOf([String])
    }

    /// The fixed columns of the country and capital layers and what each holds.
    static let fixed: [String: Rule] = [
        "iso_a3": .pattern(.alpha3), "iso_a2": .pattern(.alpha2), "name": .text, "capital": .text, "country": .text,
        "role": .domain(Domains.countryRole), "kind": .oneOf(["capital"]),
        "coop_areas": .joined(.domain(Domains.cooperationArea)), "bases": .text,
        "base_operator": .joined(.pattern(.alpha3)), "sources": .joined(.pattern(.slug)),
    ]

    /// The fixed column names, for suggestions.
    public static var knownNames: [String] { fixed.keys.sorted() }

    /// Whether a column name is short lowercase ASCII.
    public static func isValidName(_ name: String) -> Bool {
        name.count <= longestName && TextPattern.key.matches(name)
    }

    /// Checks one scalar value of a column. Null is fine everywhere.
    public static func check(_ name: String, _ value: JSONValue) -> Verdict {
        if value == .null { return .fine }
        if let rule = fixed[name] { return check(rule, value) }
        if name.hasSuffix("_status") { return check(.domain(Domains.membershipStatus), value) }
        if name.hasSuffix("_since") {
            guard let year = value.numberValue, year == year.rounded(), (1...9999).contains(year) else {
                return .invalid("expected a year (a whole number), found \(describe(value))")
            }
            return .fine
        }
        return value.numberValue != nil ? .fine : .unknown
    }

    static func check(_ rule: Rule, _ value: JSONValue) -> Verdict {
        guard let text = value.stringValue else { return .invalid("expected text, found \(describe(value))") }
        switch rule {
        case .text:
            return .fine
        case .pattern(let pattern):
            return pattern.matches(text) ? .fine : .invalid("'\(text)' is not an \(pattern.name) such as \(pattern.example)")
        case .domain(let domain):
            return domain.values.contains(text)
                ? .fine : .invalid("'\(text)' is not one of \(domain.values.joined(separator: ", "))")
        case .oneOf(let values):
            return values.contains(text) ? .fine : .invalid("'\(text)' is not one of \(values.joined(separator: ", "))")
        case .joined(let item):
            for part in text.split(separator: ";", omittingEmptySubsequences: false) {
                let verdict = check(item, .string(String(part).trimmingSpaces))
                if verdict != .fine { return verdict }
            }
            return .fine
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return "'\(text)'"
        case .number(let number): return Value.format(number)
        default: return value.kindDescription
        }
    }
}
