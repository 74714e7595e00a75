/// The characters a text value may not hold: those XML 1.0 cannot carry (C0 controls other than tab, line feed and
/// carriage return, and U+FFFE, U+FFFF) and those it discourages (DEL and the C1 controls).
///
/// XLSX, SVG and KML are XML, so such a character could not be exported without being dropped or changed; a value
/// holding one is refused when the dataset is validated (`schema.character`), whatever format it came from.
public enum TextCharacters {
    /// The ECMA-262 character class of the refused characters, for JSON Schema patterns.
    public static let refusedClass = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF"

    /// An anchored ECMA-262 pattern that matches texts holding none of them.
    public static let allowedPattern = "^[^\(refusedClass)]*$"

    /// Whether a character may not stand in a text value.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The first refused character of `text` and its position (1 for the first character), if there is one.
    public static func firstRefused(in text: String) -> (scalar: Unicode.Scalar, position: Int)? {
        for (offset, character) in text.enumerated() {
            if let scalar = character.unicodeScalars.first(where: isRefused) { return (scalar, offset + 1) }
        }
        return nil
    }

    /// How a refused character is named in messages: `U+0001`.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
