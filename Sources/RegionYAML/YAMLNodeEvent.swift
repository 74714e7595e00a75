/// One event of a document's nodes, in document order: a scalar, or the start or end of a collection.
struct YAMLNodeEvent {
    /// What the event reports.
    enum Kind {
        case scalar(String, YAMLScalarStyle)
        case sequenceStart
        case sequenceEnd
        case mappingStart
        case mappingEnd
    }

    /// What the event reports.
    var kind: Kind
    /// Where the node starts (for an end, where the end is).
    var mark: YAMLMark
    /// Where the event's token ends (see `LibYAMLEvent.end`).
    var end: YAMLMark
    /// The node's explicit tag, for scalars and collection starts.
    var tag: String?

    /// Whether the event starts a sequence or a mapping, whose items follow.
    var startsCollection: Bool {
        switch kind {
        case .sequenceStart, .mappingStart: return true
        default: return false
        }
    }

    /// The text of a scalar; nil for other events.
    var scalarValue: String? {
        if case .scalar(let value, _) = kind { return value }
        return nil
    }

    /// Whether the event is a scalar YAML reads as null (see `YAMLNode.isNull`).
    var isNull: Bool {
        guard case .scalar(let value, let style) = kind else { return false }
        return YAMLNode.isNull(value, style: style, tag: tag)
    }

    /// What a reader calls the node: "single value", "list" or "mapping".
    var kindName: String {
        switch kind {
        case .sequenceStart, .sequenceEnd: return "list"
        case .mappingStart, .mappingEnd: return "mapping"
        case .scalar: return "single value"
        }
    }
}
