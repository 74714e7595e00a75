/// Bounds on what `YAMLReader` accepts, so that hostile input fails early instead of exhausting the stack or memory.
public struct YAMLLimits: Sendable {
    /// The deepest nesting of sequences and mappings accepted; a root collection is at depth 1.
    public var maxDepth: Int = 200
    /// The most nodes (scalars, sequences and mappings, keys included) accepted in a node tree (`YAMLReader`).
    /// Decoding a dataset builds no tree and does not count nodes: its memory grows with the rows it keeps.
    public var maxNodes: Int = 5_000_000
    /// The longest scalar accepted, in UTF-8 bytes. Input is read in chunks, and once more than this many bytes
    /// plus a margin (a quarter of the limit and 64 KiB, for quotes, escapes and indentation) follow the end of the
    /// last node without another node ending, reading stops: a huge scalar is refused before it is held in memory.
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
        try parse(.bytes(bytes, name: file), limits: limits)
    }

    /// Parses one YAML document from an input, bytes or a file read in chunks, as `parse(_:file:limits:)` does.
    /// The tree is in memory, so `limits.maxNodes` bounds it; the input itself is not kept.
    public static func parse(_ input: YAMLInput, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        var builder = YAMLTreeBuilder(events: try YAMLDocumentEvents(input, limits: limits, maxNodes: limits.maxNodes))
        return try builder.build()
    }
}
