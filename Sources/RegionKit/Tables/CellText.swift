/// Reads the text of one table cell as the value of its field, the same way for every tabular format.
///
/// | text | what happens |
/// | --- | --- |
/// | empty, or only white space | no value (an empty field); only white space: warning `cell.whitespace` |
/// | white space at either end (spaces, tabs, line breaks, non-breaking spaces) | removed, warning `cell.whitespace`: the dataset holds no such value |
/// | `\r\n` or `\r` inside | made `\n`, silently: the dataset's one line break |
/// | non-breaking spaces inside an id, code, list member or reference | made spaces, warning `cell.whitespace` |
/// | typographic quotes in an id, code, list member or reference | straightened, warning `cell.smart-quotes` |
/// | typographic quotes where only the quote marks differ from the exported free text | the exported text is kept, warning `cell.smart-quotes` |
/// | a number field | the number, with the format's decimal mark; not a number: error `schema.type`; more digits than a number holds: warning `schema.precision` |
/// | a date field | `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else: error `schema.date` |
/// | a list field | items as `ListCell` encodes them (`a; b`, `a\; b` for one item holding `;`); an empty item: error `cell.list` |
///
/// Free text is otherwise kept as typed, typographic quotes and non-breaking spaces included: the dataset quotes its
/// sources verbatim.
public struct CellText: Sendable {
    /// The decimal mark numbers are written with: `.`, or `,` in a CSV dialect that uses it.
    public var decimalMark: Character

    public init(decimalMark: Character = ".") {
        self.decimalMark = decimalMark
    }

    /// What a cell gives.
    public struct Reading: Sendable, Equatable {
        /// The value, or nil for an empty cell or one that could not be read.
        public var value: Value?
        /// What was noticed on the way, located at the cell.
        public var findings: [Finding] = []
        /// The cell had content that could not be read; an error finding says why.
        public var unreadable = false

        public init(value: Value? = nil, findings: [Finding] = [], unreadable: Bool = false) {
            self.value = value
            self.findings = findings
            self.unreadable = unreadable
        }
    }

    /// Reads `raw` as a value of `field`; `location` names the cell in findings, `exported` is the row's value of
    /// the field when the file was exported, if known.
    public func read(_ raw: String, field: FieldSpec, location: Location, exported: Value? = nil) -> Reading {
        var reading = Reading()
        func warn(_ code: String, _ message: String, hint: String? = nil) {
            reading.findings.append(
                Finding(code: code, severity: .warning, message: "\(field.key): \(message)", location: location, hint: hint))
        }
        func fail(_ code: String, _ message: String, hint: String? = nil) -> Reading {
            reading.findings.append(
                Finding(code: code, severity: .error, message: "\(field.key): \(message)", location: location, hint: hint))
            reading.unreadable = true
            return reading
        }
        let structured = Self.isStructured(field)
        let clean = Self.needsNoCleaning(raw, structured: structured)
        let text = clean ? raw : Self.lineFeeds(Self.trimmed(raw, interiorSpaces: structured))
        if !clean && text != Self.lineFeeds(raw) {
            if text.isEmpty {
                warn("cell.whitespace", "the cell holds only white space; read as empty")
                return reading
            }
            warn("cell.whitespace", "'\(raw)' has \(Self.spaceKinds(raw)); read as '\(text)'")
        }
        guard !text.isEmpty else { return reading }
        switch field.type {
        case .number:
            guard let number = number(text) else {
                let other: Character = decimalMark == "." ? "," : "."
                if text.contains(other), number(text.replacing(String(other), with: String(decimalMark))) != nil {
                    return fail(
                        "schema.type", "'\(text)' is not a number: the decimal mark here is '\(decimalMark)', not '\(other)'",
                        hint: "write decimals with '\(decimalMark)', without thousands separators")
                }
                return fail(
                    "schema.type", "'\(text)' is not a number",
                    hint: "type the number alone, without thousands separators, with '\(decimalMark)' for decimals")
            }
            reading.value = .number(number)
            let plain = decimalMark == "." ? text : text.replacing(String(decimalMark), with: ".")
            if let held = NumberPrecision.loss(in: plain, readAs: number) {
                reading.findings.append(
                    Finding(
                        code: "schema.precision", severity: .warning,
                        message: NumberPrecision.message(field: field.key, text: text, readAs: held), location: location,
                        hint: NumberPrecision.hint(readAs: held)))
            }
        case .date:
            guard let date = PartialDate(iso: text) else {
                return fail(
                    "schema.date", "'\(text)' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                    hint: "type a full date as YYYY-MM-DD, a month as YYYY-MM, a year as YYYY")
            }
            reading.value = .date(date)
        case .list(let element):
            switch ListCell.decode(text) {
            case .failure(let error):
                return fail(
                    "cell.list", error.message,
                    hint: "separate items with '; ', and type a ';' or '\\' inside an item as '\\;' or '\\\\'")
            case .success(let items):
                var values: [String] = []
                for item in items {
                    guard element != .text else {
                        values.append(item)
                        continue
                    }
                    let clean = Self.trimmed(item, interiorSpaces: true)
                    if clean != item { warn("cell.whitespace", "'\(item)' has non-breaking spaces; read as '\(clean)'") }
                    values.append(straightened(clean, warn))
                }
                reading.value = .list(values)
            }
        case .enumeration, .reference:
            reading.value = .text(straightened(text, warn))
        case .text:
            if structured {
                reading.value = .text(straightened(text, warn))
            } else if case .text(let before)? = exported, before != text, Self.straight(before) == Self.straight(text) {
                warn(
                    "cell.smart-quotes", "only the quote marks differ from the exported text; the exported text is kept",
                    hint: "spreadsheets' AutoCorrect replaces straight quotes with typographic ones as you type")
                reading.value = .text(before)
            } else {
                reading.value = .text(text)
            }
        }
        return reading
    }

    /// The number a text writes with this decimal mark, if it writes one.
    public func number(_ text: String) -> Double? {
        guard decimalMark != "." else { return FieldSpec.parseNumber(text) }
        guard !text.contains(".") else { return nil }
        return FieldSpec.parseNumber(text.replacing(String(decimalMark), with: "."))
    }

    /// Whether a field holds codes rather than prose: ids, keys, closed lists, references; their typographic quotes
    /// and inner non-breaking spaces are never meant.
    static func isStructured(_ field: FieldSpec) -> Bool {
        switch field.type.elementType {
        case .enumeration, .reference: return true
        default: return field.pattern != nil
        }
    }

    private func straightened(_ text: String, _ warn: (String, String, String?) -> Void) -> String {
        let straight = Self.straight(text)
        if straight != text {
            warn("cell.smart-quotes", "'\(text)' has typographic quotes; read as '\(straight)'", nil)
        }
        return straight
    }

    /// Whether a cell's text is as the dataset holds it already: no white space at either end, no carriage return
    /// and, in a structured field, nothing that could be a non-breaking space. One pass over the bytes.
    static func needsNoCleaning(_ raw: String, structured: Bool) -> Bool {
        var raw = raw
        return raw.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return true }
            func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte) }
            guard isPlain(first), isPlain(last) else { return false }
            for byte in bytes {
                // A carriage return; the lead bytes of U+00A0, U+2007, U+202F, U+2060 and U+FEFF.
                if byte == 0x0D || (structured && (byte == 0xC2 || byte == 0xE2 || byte == 0xEF)) { return false }
            }
            return true
        }
    }

    /// The text with typographic quotes replaced by straight ones.
    public static func straight(_ text: String) -> String {
        // Every typographic quote is U+2018–U+201F, whose UTF-8 starts with 0xE2.
        guard text.utf8.contains(0xE2), text.unicodeScalars.contains(where: { smartQuotes[$0] != nil }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(smartQuotes[scalar] ?? scalar) }
        return String(scalars)
    }

    private static let smartQuotes: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"",
    ]

    /// The text with `\r\n` and `\r` made `\n`.
    public static func lineFeeds(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }

    /// The text without white space (non-breaking spaces included) at either end; with `interiorSpaces`, the
    /// non-breaking spaces and word joiners inside it made spaces too.
    public static func trimmed(_ text: String, interiorSpaces: Bool = false) -> String {
        var scalars = text.unicodeScalars
        if interiorSpaces, scalars.contains(where: { $0.value >= 0xA0 && nonBreakingSpaces.contains($0) }) {
            var spaced = String.UnicodeScalarView()
            for scalar in scalars { spaced.append(nonBreakingSpaces.contains(scalar) ? " " : scalar) }
            scalars = spaced
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return String(scalars) }
        return String(scalars[first...last])
    }

    /// White space as validation sees it at either end of a text (`schema.whitespace`).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    private static let nonBreakingSpaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{202F}", "\u{2060}", "\u{FEFF}"]

    private static func spaceKinds(_ raw: String) -> String {
        let scalars = raw.unicodeScalars
        var kinds: [String] = []
        if scalars.contains(where: { nonBreakingSpaces.contains($0) }) { kinds.append("non-breaking spaces") }
        if let first = scalars.first, isSpace(first) { kinds.append("leading spaces") }
        if let last = scalars.last, isSpace(last) { kinds.append("trailing spaces") }
        return kinds.isEmpty ? "spaces" : kinds.joined(separator: " and ")
    }
}
