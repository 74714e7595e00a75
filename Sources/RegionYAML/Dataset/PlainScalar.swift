/// What an unquoted YAML scalar is to other YAML readers: the JSON Schema validators that read YAML (ruamel.yaml's
/// YAML 1.2 resolver, with 1.1's `_` digit separators) take `5`, `1e5`, `0x1F`, `.inf`, `true` and `null` for a
/// number, a boolean or null, not for text.
enum PlainScalar {
    /// What the scalar resolves to when it is not text: "the number", "the boolean" or "null"; nil for text.
    static func nonText(_ text: String) -> String? {
        // Almost every text starts with a letter no number, boolean or null starts with: one byte decides.
        guard let first = text.utf8.first, mayStartNonText[Int(first)] else { return nil }
        switch text {
        case "~", "null", "Null", "NULL": return "null"
        case "true", "True", "TRUE", "false", "False", "FALSE": return "the boolean"
        default: return isNumber(text) ? "the number" : nil
        }
    }

    /// The first bytes of `~`, null, the booleans and numbers.
    private static let mayStartNonText: [Bool] = (0...255).map { byte in
        "~nNtTfF0123456789+-.".utf8.contains(UInt8(byte))
    }

    private static func isNumber(_ text: String) -> Bool {
        guard let first = text.utf8.first, "0123456789+-.".utf8.contains(first) else { return false }
        if [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN"].contains(text) {
            return true
        }
        let digits = text.utf8.first == UInt8(ascii: "_") ? text : text.replacing("_", with: "")
        if digits.hasPrefix("0x"), digits.count > 2, digits.dropFirst(2).allSatisfy(\.isHexDigit) { return true }
        if digits.hasPrefix("0o"), digits.count > 2, digits.dropFirst(2).allSatisfy({ ("0"..."7").contains($0) }) {
            return true
        }
        // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var rest = Substring(digits)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let whole = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(whole.count)
        var fraction = Substring("")
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(fraction.count)
            if whole.isEmpty && fraction.isEmpty { return false }
        } else if whole.isEmpty {
            return false
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            if exponent.isEmpty { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }
}
