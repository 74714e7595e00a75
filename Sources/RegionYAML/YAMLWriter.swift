/// Writes a node tree as YAML text.
public struct YAMLWriter {
    /// How the text is laid out.
    public struct Options: Sendable {
        /// Spaces per indentation level (libyaml accepts 2 to 9; other values give 2).
        public var indent: Int = 2
        /// Whether non-ASCII characters are written as they are rather than escaped.
        public var unicode: Bool = true
        /// The preferred line width; -1 means lines are never folded.
        public var width: Int = -1

        /// Creates options; each defaults to the value above.
        public init(indent: Int = 2, unicode: Bool = true, width: Int = -1) {
            self.indent = indent
            self.unicode = unicode
            self.width = width
        }
    }

    /// Emits one document, block style, implicit document start/end (no '---' or '...'), "\n" line breaks, UTF-8.
    /// A scalar requested as .plain that libyaml cannot write plain is written quoted by libyaml's own rules.
    /// Output is deterministic.
    ///
    /// A node with a tag is written with its tag. Marks are ignored; mapping pairs are written in order.
    /// - Throws: `YAMLError` of kind `.emitter` (or `.memory`) when libyaml refuses the tree, such as for an empty tag.
    public static func emit(_ node: YAMLNode, options: Options = .init()) throws(YAMLError) -> String {
        try document(options: options) { emitter throws(YAMLError) in try emitTree(node, to: emitter) }
    }

    /// Emits one document whose content `body` writes event by event, without building a node tree first.
    static func document(options: Options = .init(), _ body: (LibYAMLEmitter) throws(YAMLError) -> Void) throws(YAMLError) -> String {
        let emitter = LibYAMLEmitter(indent: options.indent, width: options.width, unicode: options.unicode)
        try emitter.streamStart()
        try emitter.documentStart()
        try body(emitter)
        try emitter.documentEnd()
        try emitter.streamEnd()
        return String(decoding: withoutDocumentEndMarker(emitter.output), as: UTF8.self)
    }

    /// The output without a final `...` line.
    ///
    /// libyaml closes a stream whose last scalar is a keep-chomped block (`|+`, `>+`) with `...`. In a stream of one
    /// document the marker changes nothing (the kept line breaks run to the end of the stream either way), and a line
    /// that is exactly `...` at column 0 can only be that marker.
    private static func withoutDocumentEndMarker(_ output: [UInt8]) -> ArraySlice<UInt8> {
        let marker = Array("...\n".utf8)
        guard output.count >= marker.count, output.suffix(marker.count).elementsEqual(marker) else {
            return output[...]
        }
        let start = output.count - marker.count
        guard start == 0 || output[start - 1] == UInt8(ascii: "\n") else { return output[...] }
        return output[..<start]
    }

    /// What is left to write: a node, or the end of a collection.
    private enum Step {
        case node(YAMLNode)
        case sequenceEnd
        case mappingEnd
    }

    /// Writes the tree with an explicit stack, so deep trees cannot overflow the call stack.
    private static func emitTree(_ root: YAMLNode, to emitter: LibYAMLEmitter) throws(YAMLError) {
        var steps: [Step] = [.node(root)]
        while let step = steps.popLast() {
            switch step {
            case .sequenceEnd:
                try emitter.sequenceEnd()
            case .mappingEnd:
                try emitter.mappingEnd()
            case .node(let node):
                switch node.content {
                case .scalar(let value, let style):
                    try emitter.scalar(value, style: style, tag: node.tag)
                case .sequence(let items):
                    try emitter.sequenceStart(tag: node.tag)
                    steps.append(.sequenceEnd)
                    for item in items.reversed() {
                        steps.append(.node(item))
                    }
                case .mapping(let pairs):
                    try emitter.mappingStart(tag: node.tag)
                    steps.append(.mappingEnd)
                    for pair in pairs.reversed() {
                        steps.append(.node(pair.value))
                        steps.append(.node(pair.key))
                    }
                }
            }
        }
    }
}
