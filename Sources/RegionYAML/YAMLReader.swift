/// Bounds on what `YAMLReader` accepts, so that hostile input fails early instead of exhausting the stack or memory.
public struct YAMLLimits: Sendable {
    /// The deepest nesting of sequences and mappings accepted; a root collection is at depth 1.
    public var maxDepth: Int = 200
    /// The most nodes (scalars, sequences and mappings, keys included) accepted in a document.
    public var maxNodes: Int = 5_000_000
    /// The longest scalar accepted, in UTF-8 bytes.
    public var maxScalarBytes: Int = 64 << 20

    /// Creates limits; each defaults to the value in `YAMLLimits.default`.
    public init(maxDepth: Int = 200, maxNodes: Int = 5_000_000, maxScalarBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
        self.maxScalarBytes = maxScalarBytes
    }

    /// Depth 200, 5 000 000 nodes, scalars of up to 64 MiB.
    public static let `default` = YAMLLimits()
}

/// Reads YAML text into a located node tree.
public enum YAMLReader {
    /// Parses one YAML document (an empty stream gives nil). Anchors/aliases are refused (aliasNotAllowed, located).
    /// More than one document is refused. Keys in mappings are kept in document order, duplicates included
    /// (the caller reports duplicates).
    ///
    /// - Parameters:
    ///   - bytes: The document, UTF-8 (a leading byte-order mark is allowed).
    ///   - file: The name of the input, used in errors.
    ///   - limits: Bounds on depth, node count and scalar size.
    /// - Returns: The root node, or nil when the stream holds no document.
    /// - Throws: `YAMLError` for malformed input, exceeded limits, anchors, aliases and extra documents.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        let parser = LibYAMLParser(bytes: bytes, file: file, maxScalarBytes: limits.maxScalarBytes)
        var builder = TreeBuilder(parser: parser, limits: limits)
        while true {
            let event = try parser.next()
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return builder.root
            case .documentStart:
                try builder.startDocument(at: event.mark)
            case .alias:
                throw parser.error(.aliasNotAllowed,
                                   "aliases are not allowed (alias '*\(event.anchor ?? "")')", at: event.mark)
            case .scalar(let value, let style):
                try builder.countNode(event)
                try builder.attach(YAMLNode(.scalar(value, style), mark: event.mark, tag: event.tag))
            case .sequenceStart:
                try builder.countNode(event)
                try builder.open(.sequence, event)
            case .mappingStart:
                try builder.countNode(event)
                try builder.open(.mapping, event)
            case .sequenceEnd, .mappingEnd:
                try builder.close(at: event.mark)
            }
        }
    }
}

/// Builds the node tree from events with an explicit stack, so deep input cannot overflow the call stack.
private struct TreeBuilder {
    enum CollectionKind { case sequence, mapping }

    /// A collection whose end event has not come yet.
    struct Frame {
        var kind: CollectionKind
        var mark: YAMLMark
        var tag: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
    }

    let parser: LibYAMLParser
    let limits: YAMLLimits
    private(set) var root: YAMLNode?
    private var stack: [Frame] = []
    private var nodeCount = 0
    private var sawDocument = false

    init(parser: LibYAMLParser, limits: YAMLLimits) {
        self.parser = parser
        self.limits = limits
    }

    mutating func startDocument(at mark: YAMLMark) throws(YAMLError) {
        guard !sawDocument else {
            throw parser.error(.multipleDocuments, "expected a single document, found another one", at: mark)
        }
        sawDocument = true
    }

    /// Counts a node and refuses anchors.
    mutating func countNode(_ event: LibYAMLEvent) throws(YAMLError) {
        if let anchor = event.anchor {
            throw parser.error(.aliasNotAllowed, "anchors are not allowed (anchor '&\(anchor)')", at: event.mark)
        }
        nodeCount += 1
        guard nodeCount <= limits.maxNodes else {
            throw parser.error(.tooManyNodes, "document has more than \(limits.maxNodes) nodes", at: event.mark)
        }
    }

    mutating func open(_ kind: CollectionKind, _ event: LibYAMLEvent) throws(YAMLError) {
        guard stack.count < limits.maxDepth else {
            throw parser.error(.tooDeep,
                               "collections are nested more than \(limits.maxDepth) levels deep", at: event.mark)
        }
        stack.append(Frame(kind: kind, mark: event.mark, tag: event.tag))
    }

    mutating func close(at mark: YAMLMark) throws(YAMLError) {
        guard let frame = stack.popLast(), frame.pendingKey == nil else {
            throw parser.error(.parser, "unbalanced collection events from libyaml", at: mark)
        }
        switch frame.kind {
        case .sequence:
            try attach(YAMLNode(.sequence(frame.items), mark: frame.mark, tag: frame.tag))
        case .mapping:
            try attach(YAMLNode(.mapping(frame.pairs), mark: frame.mark, tag: frame.tag))
        }
    }

    /// Adds a finished node to the open collection, or makes it the root.
    mutating func attach(_ node: YAMLNode) throws(YAMLError) {
        let top = stack.count - 1
        guard top >= 0 else {
            guard root == nil else {
                throw parser.error(.parser, "more than one root node from libyaml", at: node.mark)
            }
            root = node
            return
        }
        switch stack[top].kind {
        case .sequence:
            stack[top].items.append(node)
        case .mapping:
            if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLPair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                stack[top].pendingKey = node
            }
        }
    }
}
