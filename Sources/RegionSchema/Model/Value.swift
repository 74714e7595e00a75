/// One field value of a dataset row, typed by its field.
public enum Value: Sendable, Hashable {
    /// Free text, an enumeration member or a reference to another row's id.
    case text(String)
    /// A finite number.
    case number(Double)
    /// A partial calendar date.
    case date(PartialDate)
    /// A list of texts (enumeration members, references or free text).
    case list([String])

    /// The text, when the value is text.
    public var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    /// The number, when the value is a number.
    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The date, when the value is a date.
    public var date: PartialDate? {
        if case .date(let date) = self { return date }
        return nil
    }

    /// The items, when the value is a list.
    public var list: [String]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The canonical text of the value as it appears in text cells; a list is encoded as `ListCell` says (items
    /// joined with `; `, an item's own `;` and `\` escaped with `\`).
    public var canonicalText: String {
        switch self {
        case .text(let text): return text
        case .number(let number): return Value.format(number)
        case .date(let date): return date.description
        case .list(let items): return ListCell.encode(items)
        }
    }

    /// The shortest text that reads back as exactly `number` in YAML (1.1 and 1.2 readers alike), JSON, CSV and
    /// Swift's `Double(_:)`, the same in every locale.
    ///
    /// Whole numbers below 10^16 are written as integers (`15000000`, `9007199254740992`); other numbers in the
    /// shortest decimal form that reads back exactly (`0.1`, `-0.5`, `71.427774`), with an exponent below 10^-4 and
    /// from 10^16 on. An exponent always has a sign and its mantissa a decimal point (`1.0e+21`, `1.0e-07`,
    /// `1.2345678901234568e+17`), since YAML 1.1 readers such as PyYAML take `1e+21` for text. Zero is `0`, whatever
    /// its sign: `-0` and `0` are equal numbers. Only for finite numbers, which every value is.
    public static func format(_ number: Double) -> String {
        if number == 0 { return "0" }
        if number == number.rounded(), abs(number) < 1e16 {
            return String(Int64(number))
        }
        let text = "\(number)"
        guard let exponent = text.firstIndex(of: "e"), !text[..<exponent].contains(".") else { return text }
        return text[..<exponent] + ".0" + text[exponent...]
    }
}
