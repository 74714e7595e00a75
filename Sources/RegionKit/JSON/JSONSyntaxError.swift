/// Why a text is not strict JSON, and where: the line, the column and the path of the value being read.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String
    /// The 1-based line of the offending character.
    public var line: Int
    /// The 1-based column of the offending character, counted in Unicode scalars.
    public var column: Int
    /// The 0-based byte offset of the offending character.
    public var offset: Int
    /// The value being read when the problem was found.
    public var path: JSONPath
    /// The text of the offending line, without its line break, for a caret display.
    public var sourceLine: String

    public init(message: String, line: Int, column: Int, offset: Int, path: JSONPath, sourceLine: String) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path
        self.sourceLine = sourceLine
    }

    /// `line:column: message (at path)`.
    public var description: String {
        "\(line):\(column): \(message)" + place
    }

    /// ` (at path)`, or nothing at the root; a path deeper than 16 steps is shown by its first 8 and last 4.
    private var place: String {
        guard !path.components.isEmpty else { return "" }
        let steps = path.components
        guard steps.count > 16 else { return " (at \(path))" }
        let head = JSONPath(Array(steps.prefix(8))).description
        let tail = JSONPath(Array(steps.suffix(4))).description
        return " (at \(head)…\(tail.hasPrefix("[") ? "" : ".")\(tail), \(steps.count) levels down)"
    }

    /// The error as an unusable-input error naming `file`, compiler style, with the line and a caret under the column.
    public func located(in file: String) -> RegionKitError {
        var text = "\(file):\(line):\(column): error: \(message)" + place
        // Long lines (minified JSON) are cut around the column so the caret stays readable.
        let scalars = Array(sourceLine.unicodeScalars)
        let start = max(0, column - 1 - 60)
        let end = min(scalars.count, column - 1 + 20)
        if start < end {
            var shown = String(String.UnicodeScalarView(scalars[start..<end]))
            shown = shown.replacingTabs()
            text += "\n" + (start > 0 ? "…" : "") + shown + (end < scalars.count ? "…" : "")
            text += "\n" + String(repeating: " ", count: column - 1 - start + (start > 0 ? 1 : 0)) + "^"
        }
        return RegionKitError(.syntax, text)
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
