/// The presentation style of a scalar.
public enum YAMLScalarStyle: Sendable, Hashable {
    /// Unquoted: `value`.
    case plain
    /// Single-quoted: `'value'`.
    case singleQuoted
    /// Double-quoted, with escapes: `"value"`.
    case doubleQuoted
    /// Literal block: `|`.
    case literal
    /// Folded block: `>`.
    case folded
}

/// A node of a YAML document: a scalar, a sequence or a mapping, with where it starts and its explicit tag.
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        /// A scalar: its text exactly as the document gives it (after unescaping and folding), and its style.
        case scalar(String, YAMLScalarStyle)
        /// A sequence of nodes, in document order.
        case sequence([YAMLNode])
        /// A mapping, as key/value pairs in document order; duplicate keys are kept.
        case mapping([YAMLPair])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts (its tag, if it has one, else its first character).
    public var mark: YAMLMark
    /// The node's explicit tag, resolved against the document's tag directives (`!!str` gives `tag:yaml.org,2002:str`), or nil.
    public var tag: String?

    /// Creates a node.
    public init(_ content: Content, mark: YAMLMark = .start, tag: String? = nil) {
        self.content = content
        self.mark = mark
        self.tag = tag
    }

    /// A scalar node with the given text and style, marked at the start of a document.
    public static func scalar(_ value: String, style: YAMLScalarStyle = .plain, tag: String? = nil) -> YAMLNode {
        YAMLNode(.scalar(value, style), tag: tag)
    }

    /// A sequence node with the given items, marked at the start of a document.
    public static func sequence(_ items: [YAMLNode], tag: String? = nil) -> YAMLNode {
        YAMLNode(.sequence(items), tag: tag)
    }

    /// A mapping node with the given pairs, marked at the start of a document.
    public static func mapping(_ pairs: [YAMLPair], tag: String? = nil) -> YAMLNode {
        YAMLNode(.mapping(pairs), tag: tag)
    }

    /// The text of a scalar node; nil for collections.
    public var scalarValue: String? {
        if case .scalar(let value, _) = content { return value }
        return nil
    }

    /// The style of a scalar node; nil for collections.
    public var scalarStyle: YAMLScalarStyle? {
        if case .scalar(_, let style) = content { return style }
        return nil
    }

    /// The items of a sequence node; nil for other nodes.
    public var sequenceItems: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs of a mapping node; nil for other nodes.
    public var mappingPairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// Whether the node is a scalar.
    public var isScalar: Bool { scalarValue != nil }
    /// Whether the node is a sequence.
    public var isSequence: Bool { sequenceItems != nil }
    /// Whether the node is a mapping.
    public var isMapping: Bool { mappingPairs != nil }

    /// Whether the node is an untagged plain scalar that YAML reads as null: empty, `~`, `null`, `Null` or `NULL`.
    public var isNull: Bool {
        guard case .scalar(let value, let style) = content else { return false }
        return Self.isNull(value, style: style, tag: tag)
    }

    /// Whether a scalar with this text, style and tag is one YAML reads as null (see `isNull`).
    static func isNull(_ value: String, style: YAMLScalarStyle, tag: String?) -> Bool {
        guard tag == nil, style == .plain else { return false }
        switch value {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The value of the first pair of a mapping node whose key is a scalar with the given text; nil if none or not a mapping.
    public subscript(key: String) -> YAMLNode? {
        mappingPairs?.first { $0.key.scalarValue == key }?.value
    }
}

/// One key/value pair of a mapping.
public struct YAMLPair: Sendable {
    /// The key node.
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// Creates a pair whose key is a plain scalar with the given text.
    public init(_ key: String, _ value: YAMLNode) {
        self.init(key: .scalar(key), value: value)
    }
}
