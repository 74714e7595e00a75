/// The catalogue entry of one field: what it is called, what it holds and what it accepts.
public struct FieldSpec: Sendable, Hashable {
    /// The key used in YAML, CSV headers and JSON: `capital_latitude`.
    public let key: String
    /// A readable column title: "Capital latitude".
    public let title: String
    /// What the field holds, for humans (header comments, JSON Schema descriptions).
    public let description: String
    public let type: FieldType
    public let required: Bool
    /// A shape that text values must have.
    public let pattern: TextPattern?
    /// The smallest allowed number.
    public let minimum: Double?
    /// The largest allowed number.
    public let maximum: Double?
    /// The longest allowed text, in Unicode code points (JSON Schema's `maxLength`): `é` typed as `e` and a
    /// combining accent counts two, an emoji made of several code points counts each of them.
    public let maxLength: Int?

    public init(
        _ key: String, _ title: String, _ type: FieldType, required: Bool = false,
        pattern: TextPattern? = nil, minimum: Double? = nil, maximum: Double? = nil, maxLength: Int? = nil,
        description: String
    ) {
        self.key = key
        self.title = title
        self.type = type
        self.required = required
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
        self.maxLength = maxLength
        self.description = description
    }

    /// The enumeration of the field or of its list elements.
    public var domain: EnumDomain? {
        if case .enumeration(let domain) = type.elementType { return domain }
        return nil
    }

    /// The table the field or its list elements refer to.
    public var referencedTable: TableID? {
        if case .reference(let table) = type.elementType { return table }
        return nil
    }

    /// Reads the value of a single scalar field from its text, as text formats hold it.
    ///
    /// Lists are not split here: each format has its own list encoding and calls this per item through `parseItem`.
    public func parse(_ text: String) -> Result<Value, ValueError> {
        switch type {
        case .list:
            return parseItem(text).map { .list([$0]) }
        case .number:
            guard let number = FieldSpec.parseNumber(text) else {
                return .failure(ValueError(field: key, message: "'\(text)' is not a number"))
            }
            return .success(.number(number))
        case .date:
            guard let date = PartialDate(iso: text) else {
                return .failure(
                    ValueError(
                        field: key,
                        message: "'\(text)' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"))
            }
            return .success(.date(date))
        case .text, .enumeration, .reference:
            return .success(.text(text))
        }
    }

    /// Reads one item of a list field.
    public func parseItem(_ text: String) -> Result<String, ValueError> {
        .success(text)
    }

    /// Parses a decimal number written the way JSON or YAML writes it; rejects NaN, infinity and hex.
    public static func parseNumber(_ text: String) -> Double? {
        let allowed = text.utf8.allSatisfy { byte in
            (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }
        guard allowed, text.utf8.contains(where: { (48...57).contains($0) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }
}

/// Why a text could not be read as a field's value.
public struct ValueError: Error, Sendable, Hashable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
