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

    /// The shortest text that reads back as `number`: integral values without a fraction.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return "\(number)"
    }
}
