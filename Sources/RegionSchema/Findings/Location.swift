/// Where a finding points: a line and column of a text file, a cell of a workbook, or a path inside a document.
public struct Location: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String?
    /// The 1-based line, for text inputs.
    public var line: Int?
    /// The 1-based column, for text inputs.
    public var column: Int?
    /// A workbook cell such as `Memberships!D7`.
    public var cell: String?
    /// A path inside the document, such as `memberships[3].status` or `features[3].geometry`.
    public var path: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, cell: String? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
        self.path = path
    }

    /// `file:line:column`, `file:Sheet!C7`, `file:path` or whatever part is known.
    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line {
            parts.append(String(line))
            if let column { parts.append(String(column)) }
        } else if let cell {
            parts.append(cell)
        } else if let path {
            parts.append(path)
        }
        return parts.joined(separator: ":")
    }

    /// Orders locations by file, then line and column, then cell and path.
    public static func precedes(_ lhs: Location?, _ rhs: Location?) -> Bool {
        guard let lhs else { return rhs != nil }
        guard let rhs else { return false }
        if lhs.file != rhs.file { return (lhs.file ?? "") < (rhs.file ?? "") }
        if lhs.line != rhs.line { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        if lhs.column != rhs.column { return (lhs.column ?? 0) < (rhs.column ?? 0) }
        if lhs.cell != rhs.cell { return (lhs.cell ?? "") < (rhs.cell ?? "") }
        return (lhs.path ?? "") < (rhs.path ?? "")
    }
}
