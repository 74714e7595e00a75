public import RegionKit

/// The dialect a file is read in, and how it was chosen: given by the user, or detected from the header row.
public struct DialectChoice: Sendable, Hashable {
    /// The dialect the file is read in.
    public var dialect: CSVDialect
    /// Other dialects the file could be in. They read it the same unless a text cell starts with `'`, which one
    /// would drop as a formula guard and the other keep; such a cell is refused.
    public var alternatives: [CSVDialect]
    /// Why this dialect, for the note that says which one was used; nil when it was given.
    public var reason: String?

    /// A dialect the user gave.
    public static func given(_ dialect: CSVDialect) -> DialectChoice {
        DialectChoice(dialect: dialect, alternatives: [], reason: nil)
    }

    /// Whether the dialect was detected rather than given.
    public var isDetected: Bool { reason != nil }

    /// Tells the dialect from the first line of a file: its separators, its line break and whether the file
    /// starts with a byte order mark. A header with both `,` and `;` between fields, or neither, is refused.
    public static func detect(_ preview: HeaderPreview, byteOrderMark: Bool, file: String) throws(RegionKitError) -> DialectChoice {
        switch (preview.commas > 0, preview.semicolons > 0) {
        case (false, true):
            return DialectChoice(dialect: .excelSemicolon, alternatives: [], reason: "';' between fields")
        case (true, false):
            if byteOrderMark {
                return DialectChoice(dialect: .excel, alternatives: [], reason: "',' between fields and a byte order mark")
            }
            if preview.lineBreak == .crlf || preview.lineBreak == .cr {
                return DialectChoice(
                    dialect: .rfc4180, alternatives: [.excel],
                    reason: "',' between fields, no byte order mark, \\r\\n line breaks as excel writes")
            }
            return DialectChoice(dialect: .rfc4180, alternatives: [], reason: "',' between fields, no byte order mark")
        case (true, true):
            throw undecided(file, "its header row has both ',' and ';' between fields")
        case (false, false):
            let what = preview.tabs > 0 ? "its header row is separated by tabs" : "its header row has neither ',' nor ';' between fields"
            throw undecided(file, what)
        }
    }

    private static func undecided(_ file: String, _ what: String) -> RegionKitError {
        RegionKitError(
            .unsupported,
            "\(file):1:1: cannot tell the CSV dialect: \(what); choose one with --dialect: \(CSVDialect.names)")
    }
}
