/// The characters a text value may not hold: those XML 1.0 cannot carry (C0 controls other than tab, line feed and
/// carriage return, and U+FFFE, U+FFFF), those it discourages (DEL and the C1 controls), and the carriage return.
///
/// XLSX, SVG and KML are XML, so such a character could not be exported without being dropped or changed; a value
/// holding one is refused when the dataset is validated (`schema.character`), whatever format it came from.
///
/// The dataset has one line break, the line feed (`\n`): spreadsheets and editors turn `\r\n` into `\n` and back
/// as they please, so a carriage return could not come back as it was. A text holding one is refused
/// (`schema.line-break`); every import turns `\r\n` and `\r` into `\n` before validation.
public enum TextCharacters {
    /// The ECMA-262 character class of the refused characters, the carriage return included, for JSON Schema patterns.
    public static let refusedClass = "\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uFFFE\\uFFFF"

    /// The position (1 for the first character) of the first carriage return in `text`, if it holds one.
    public static func firstCarriageReturn(in text: String) -> Int? {
        guard text.utf8.contains(13) else { return nil }
        for (offset, character) in text.enumerated() where character.unicodeScalars.contains("\r") { return offset + 1 }
        return nil
    }

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
        guard mayHoldRefused(text.utf8) else { return nil }
        for (offset, character) in text.enumerated() {
            if let scalar = character.unicodeScalars.first(where: isRefused) { return (scalar, offset + 1) }
        }
        return nil
    }

    /// Whether the UTF-8 bytes may encode a refused character: false for almost every text, after one pass over
    /// its bytes, so only the rare text that holds a control byte (or the lead bytes of U+0080–U+009F, U+FFFE and
    /// U+FFFF) is walked character by character.
    private static func mayHoldRefused(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            switch byte {
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true
            case 0xBE...0xBF where previous == 0xBF && beforePrevious == 0xEF: return true
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Whether a text may hold a refused character or a carriage return: false for almost every text, after one
    /// pass over its bytes through a table, so that validation looks closer only at the rare text that does.
    public static func mayHoldRefusedOrCarriageReturn(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where attention[Int(byte)] { return true }
            return false
        }
    }

    /// The bytes that may start or be part of a refused character or a carriage return: the C0 controls but tab and
    /// line feed, DEL, and the lead bytes of U+0080–U+009F (0xC2) and of U+FFFE and U+FFFF (0xEF).
    private static let attention: [Bool] = (0...255).map { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2 || byte == 0xEF
    }

    /// How a refused character is named in messages: `U+0001`.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
