/// The node events of the one document a YAML stream may hold, with the reader's refusals applied: a second
/// document, anchors and aliases, collections nested deeper than the limit and, when asked, more nodes than a limit
/// are errors. Both the node tree and the streaming dataset decoder read through it.
struct YAMLDocumentEvents {
    /// The parser the events come from; it also makes located errors.
    let parser: LibYAMLParser
    private let maxDepth: Int
    private let maxNodes: Int?
    /// Collections started and not yet ended.
    private(set) var depth = 0
    private var nodeCount = 0
    private var sawDocument = false

    /// Reads `input` with the depth and scalar limits of `limits`; nodes are counted against `maxNodes` when it is given.
    init(_ input: YAMLInput, limits: YAMLLimits, maxNodes: Int?) throws(YAMLError) {
        parser = LibYAMLParser(source: try input.open(), file: input.name, maxScalarBytes: limits.maxScalarBytes)
        maxDepth = limits.maxDepth
        self.maxNodes = maxNodes
    }

    /// The next node event, or nil at the end of the stream.
    mutating func next() throws(YAMLError) -> YAMLNodeEvent? {
        while true {
            let event = try parser.next()
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return nil
            case .documentStart:
                guard !sawDocument else {
                    throw parser.error(.multipleDocuments, "expected a single document, found another one", at: event.mark)
                }
                sawDocument = true
            case .alias:
                throw parser.error(.aliasNotAllowed, "aliases are not allowed (alias '*\(event.anchor ?? "")')", at: event.mark)
            case .scalar(let value, let style):
                try countNode(event)
                return YAMLNodeEvent(kind: .scalar(value, style), mark: event.mark, end: event.end, tag: event.tag)
            case .sequenceStart:
                try countNode(event)
                try open(event)
                return YAMLNodeEvent(kind: .sequenceStart, mark: event.mark, end: event.end, tag: event.tag)
            case .mappingStart:
                try countNode(event)
                try open(event)
                return YAMLNodeEvent(kind: .mappingStart, mark: event.mark, end: event.end, tag: event.tag)
            case .sequenceEnd:
                depth -= 1
                return YAMLNodeEvent(kind: .sequenceEnd, mark: event.mark, end: event.end)
            case .mappingEnd:
                depth -= 1
                return YAMLNodeEvent(kind: .mappingEnd, mark: event.mark, end: event.end)
            }
        }
    }

    /// The next node event inside an open collection: the stream cannot end there.
    mutating func nextInCollection() throws(YAMLError) -> YAMLNodeEvent {
        guard let event = try next() else {
            throw parser.error(.parser, "unbalanced collection events from libyaml", at: nil)
        }
        return event
    }

    /// Reads past the rest of the node that `event` starts (nothing more for a scalar).
    mutating func skip(_ event: YAMLNodeEvent) throws(YAMLError) {
        guard event.startsCollection else { return }
        let outer = depth - 1
        while depth > outer {
            _ = try nextInCollection()
        }
    }

    /// Reads to the end of the stream after the document's root node, so that what follows it is checked too.
    mutating func finish() throws(YAMLError) {
        if let event = try next() {
            throw parser.error(.parser, "more than one root node from libyaml", at: event.mark)
        }
    }

    /// Counts a node against the limit and refuses anchors.
    private mutating func countNode(_ event: LibYAMLEvent) throws(YAMLError) {
        if let anchor = event.anchor {
            throw parser.error(.aliasNotAllowed, "anchors are not allowed (anchor '&\(anchor)')", at: event.mark)
        }
        guard let maxNodes else { return }
        nodeCount += 1
        guard nodeCount <= maxNodes else {
            throw parser.error(.tooManyNodes, "document has more than \(maxNodes) nodes", at: event.mark)
        }
    }

    private mutating func open(_ event: LibYAMLEvent) throws(YAMLError) {
        guard depth < maxDepth else {
            throw parser.error(.tooDeep, "collections are nested more than \(maxDepth) levels deep", at: event.mark)
        }
        depth += 1
    }
}
