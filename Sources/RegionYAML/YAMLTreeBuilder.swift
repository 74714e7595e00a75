/// Builds the node tree from a document's events with an explicit stack, so deep input cannot overflow the call stack.
struct YAMLTreeBuilder {
    /// A collection whose end event has not come yet.
    private struct Frame {
        var isMapping: Bool
        var mark: YAMLMark
        var tag: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
    }

    private var events: YAMLDocumentEvents
    private var root: YAMLNode?
    private var stack: [Frame] = []

    init(events: YAMLDocumentEvents) {
        self.events = events
    }

    /// The root node of the document, or nil when the stream holds none.
    mutating func build() throws(YAMLError) -> YAMLNode? {
        while let event = try events.next() {
            switch event.kind {
            case .scalar(let value, let style):
                try attach(YAMLNode(.scalar(value, style), mark: event.mark, tag: event.tag))
            case .sequenceStart:
                stack.append(Frame(isMapping: false, mark: event.mark, tag: event.tag))
            case .mappingStart:
                stack.append(Frame(isMapping: true, mark: event.mark, tag: event.tag))
            case .sequenceEnd, .mappingEnd:
                try close(at: event.mark)
            }
        }
        return root
    }

    private mutating func close(at mark: YAMLMark) throws(YAMLError) {
        guard let frame = stack.popLast(), frame.pendingKey == nil else {
            throw events.parser.error(.parser, "unbalanced collection events from libyaml", at: mark)
        }
        if frame.isMapping {
            try attach(YAMLNode(.mapping(frame.pairs), mark: frame.mark, tag: frame.tag))
        } else {
            try attach(YAMLNode(.sequence(frame.items), mark: frame.mark, tag: frame.tag))
        }
    }

    /// Adds a finished node to the open collection, or makes it the root.
    private mutating func attach(_ node: YAMLNode) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            guard root == nil else {
                throw events.parser.error(.parser, "more than one root node from libyaml", at: node.mark)
            }
            root = node
            return
        }
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }
}
