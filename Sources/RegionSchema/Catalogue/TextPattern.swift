/// A named shape that a text field must have, with its regular expression for JSON Schema and other tools.
public struct TextPattern: Sendable, Hashable {
    /// A short name for messages, such as "ISO 3166-1 alpha-3 code".
    public let name: String
    /// The ECMA-262 regular expression, anchored, as JSON Schema and Frictionless use it.
    public let regex: String
    /// An example that matches, for messages.
    public let example: String
    private let kind: Kind

    private enum Kind: Sendable, Hashable {
        case upperLetters(Int)
        case slug
        case key
        case url
    }

    /// An ISO 3166-1 alpha-3 code: three capital letters.
    public static let alpha3 = TextPattern(name: "ISO 3166-1 alpha-3 code", regex: "^[A-Z]{3}$", example: "KAZ", kind: .upperLetters(3))
    /// An ISO 3166-1 alpha-2 code: two capital letters.
    public static let alpha2 = TextPattern(name: "ISO 3166-1 alpha-2 code", regex: "^[A-Z]{2}$", example: "KZ", kind: .upperLetters(2))
    /// A row id: lowercase letters and digits in words joined by single hyphens.
    public static let slug = TextPattern(
        name: "id (lowercase words joined by hyphens)", regex: "^[a-z0-9]+(-[a-z0-9]+)*$", example: "uzb-csto-1999", kind: .slug)
    /// An indicator key: a lowercase letter, then lowercase letters, digits and underscores.
    public static let key = TextPattern(
        name: "key (lowercase letters, digits and underscores)", regex: "^[a-z][a-z0-9_]*$", example: "students_in_russia", kind: .key)
    /// An http or https URL without spaces.
    public static let url = TextPattern(name: "http(s) URL", regex: "^https?://[^\\s]+$", example: "https://www.ispionline.it/", kind: .url)

    /// Whether `text` has the shape.
    public func matches(_ text: String) -> Bool {
        let bytes = text.utf8
        switch kind {
        case .upperLetters(let count):
            return bytes.count == count && bytes.allSatisfy { (65...90).contains($0) }
        case .slug:
            guard let first = bytes.first, let last = bytes.last, first != 45, last != 45 else { return false }
            var previousHyphen = false
            for byte in bytes {
                if byte == 45 {
                    if previousHyphen { return false }
                    previousHyphen = true
                } else if (97...122).contains(byte) || (48...57).contains(byte) {
                    previousHyphen = false
                } else {
                    return false
                }
            }
            return true
        case .key:
            guard let first = bytes.first, (97...122).contains(first) else { return false }
            return bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
        case .url:
            let lower = text.lowercased()
            let rest: Substring
            if lower.hasPrefix("https://") {
                rest = text.dropFirst(8)
            } else if lower.hasPrefix("http://") {
                rest = text.dropFirst(7)
            } else {
                return false
            }
            return !rest.isEmpty && !rest.contains { $0.isWhitespace }
        }
    }
}
