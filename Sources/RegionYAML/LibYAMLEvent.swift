/// One parsing event from libyaml, copied into Swift values.
struct LibYAMLEvent {
    /// What the event reports.
    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias
        case scalar(String, YAMLScalarStyle)
        case sequenceStart
        case sequenceEnd
        case mappingStart
        case mappingEnd
    }

    /// What the event reports.
    var kind: Kind
    /// Where the event starts.
    var mark: YAMLMark
    /// Where the event ends: past the last character of its token (the same place as `mark` for a token libyaml
    /// inserts, such as the end of a block collection, or for an empty scalar).
    var end: YAMLMark
    /// The node's explicit tag, for scalar and collection-start events.
    var tag: String?
    /// The node's anchor, or the alias's target, when there is one.
    var anchor: String?
}
