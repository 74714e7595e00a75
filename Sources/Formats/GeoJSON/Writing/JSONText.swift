import RegionKit

/// The JSON spellings the GeoJSON writer needs beyond `JSONValue`.
enum JSONText {
    /// A JSON string literal, escaped as `JSONValue` escapes it.
    static func string(_ text: String, to output: inout String) {
        output += JSONValue.string(text).serialized(pretty: false)
    }

    /// A finite number written so that JSON readers take it for a real: `24000.0`, `0.5`, `1.5e+22`.
    static func real(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        let text = "\(number)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }
}
