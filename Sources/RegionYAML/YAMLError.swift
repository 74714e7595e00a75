/// An error reading or writing YAML, with where it happened.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The input could not be opened or read.
        case unreadable
        /// The input could not be decoded (invalid UTF-8, a control character).
        case reader
        /// The input could not be split into tokens.
        case scanner
        /// The tokens do not form a valid YAML document.
        case parser
        /// The node tree could not be written.
        case emitter
        /// libyaml ran out of memory.
        case memory
        /// Collections are nested deeper than the limit.
        case tooDeep
        /// The document has more nodes than the limit.
        case tooManyNodes
        /// A scalar is longer than the limit (or, read from a stream, runs far enough past it that reading stopped).
        case scalarTooLarge
        /// The document uses an anchor or an alias.
        case aliasNotAllowed
        /// The stream holds more than one document.
        case multipleDocuments
    }

    /// What went wrong.
    public var kind: Kind
    /// A human-readable account of the problem.
    public var message: String
    /// The name of the input, as given by the caller; empty when there is none.
    public var file: String
    /// Where the problem is, if known.
    public var mark: YAMLMark?
    /// The text of the line at `mark`, without its line break, if known.
    public var sourceLine: String?

    /// Creates an error.
    public init(kind: Kind, message: String, file: String = "", mark: YAMLMark? = nil, sourceLine: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.mark = mark
        self.sourceLine = sourceLine
    }

    /// The error as a compiler prints it: `file:line:column: error: message`, then, when known,
    /// the source line and a caret under the column.
    public var description: String {
        var location = file
        if let mark {
            location += location.isEmpty ? "\(mark.line):\(mark.column)" : ":\(mark.line):\(mark.column)"
        }
        var text = location.isEmpty ? "error: \(message)" : "\(location): error: \(message)"
        if let mark, let sourceLine {
            text += "\n" + sourceLine + "\n" + Self.caretLine(under: mark.column, in: sourceLine)
        }
        return text
    }

    /// Spaces (tabs where the source has tabs, so the caret lines up) then `^` at the 1-based column.
    private static func caretLine(under column: Int, in line: String) -> String {
        var padding = ""
        var remaining = max(column - 1, 0)
        for character in line.unicodeScalars where remaining > 0 {
            padding.append(character == "\t" ? "\t" : " ")
            remaining -= 1
        }
        padding += String(repeating: " ", count: remaining)
        return padding + "^"
    }
}
