/// A position in a YAML document.
///
/// `line` and `column` are 1-based; `column` counts Unicode characters, not bytes.
/// `offset` is the 0-based byte offset of the position in the input, counting any byte-order mark. (Input read
/// from a pipe, which cannot be read again, may get the offset of a place up to 64 KiB before the position when the
/// position is inside a node longer than 1 MiB; lines and columns are always exact.)
public struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number, in characters.
    public var column: Int
    /// The 0-based byte offset in the input.
    public var offset: Int

    /// Creates a mark from a 1-based line and column and a 0-based byte offset.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The first position of a document: line 1, column 1, offset 0.
    ///
    /// Nodes built in code rather than read from a document carry this mark.
    public static let start = YAMLMark(line: 1, column: 1, offset: 0)

    /// The mark as `line:column`.
    public var description: String { "\(line):\(column)" }
}
