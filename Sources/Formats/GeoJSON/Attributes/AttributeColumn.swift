/// One flat attribute column of a layer: its name, its type and what it holds.
public struct AttributeColumn: Sendable, Hashable {
    /// The type of a column's values, named as GDAL names field types.
    public enum ValueType: String, Sendable, Hashable {
        case text = "String"
        case integer = "Integer"
        case real = "Real"
    }

    /// The name: lowercase ASCII letters, digits and underscores, unique in the layer, stable between releases.
    public let name: String
    public let type: ValueType
    /// What the column holds, in one sentence, for the README and `regionkit formats`.
    public let summary: String

    public init(_ name: String, _ type: ValueType, _ summary: String) {
        self.name = name
        self.type = type
        self.summary = summary
    }
}

/// One value of an attribute column: a scalar or nothing, as GIS tools want them.
public enum AttributeValue: Sendable, Hashable {
    case null
    case text(String)
    case integer(Int)
    case real(Double)

    /// Whether the value is null.
    public var isNull: Bool { self == .null }
}
