/// The type of a field's values.
public indirect enum FieldType: Sendable, Hashable {
    /// Free text.
    case text
    /// A finite number.
    case number
    /// A partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    case date
    /// One value of a closed list.
    case enumeration(EnumDomain)
    /// The id of a row of another table.
    case reference(TableID)
    /// A list of values of the element type (text, enumeration or reference).
    case list(FieldType)

    /// The element type of a list, or the type itself.
    public var elementType: FieldType {
        if case .list(let element) = self { return element }
        return self
    }

    /// Whether values of this type are lists.
    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// A short name for messages: "text", "number", "date", "one of …", "countries id", "list of …".
    public var name: String {
        switch self {
        case .text: return "text"
        case .number: return "number"
        case .date: return "date"
        case .enumeration(let domain): return "one of \(domain.name)"
        case .reference(let table): return "\(table) id"
        case .list(let element): return "list of \(element.name)"
        }
    }
}
