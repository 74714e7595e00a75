/// A named way of writing CSV: the field separator, the decimal mark, the line ends, whether the file starts
/// with a byte order mark, and whether cells are guarded against formula injection.
///
/// RegionKit never guesses a dialect silently: an export is told which one to write, and an import is told or
/// detects it from the header row and says which it used.
public enum CSVDialect: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `,` between fields, `.` as decimal mark, no byte order mark, `\n` line ends, values as they are.
    case rfc4180
    /// What Excel writes as "CSV UTF-8": a byte order mark (so Excel shows Cyrillic), `,`, `.`, `\r\n`, and
    /// text cells guarded against formula injection.
    case excel
    /// What Excel writes in a Russian or German locale: `;` between fields, `,` as decimal mark, a byte order
    /// mark, `\r\n`, and text cells guarded against formula injection.
    case excelSemicolon = "excel-semicolon"

    /// The dialect an export writes when none is asked for.
    public static let standard = CSVDialect.rfc4180

    /// The name users give after `dialect=`.
    public var name: String { rawValue }

    public var description: String { rawValue }

    /// The dialect with a name, or nil.
    public init?(name: String) {
        self.init(rawValue: name)
    }

    /// The byte between fields.
    public var delimiter: UInt8 {
        self == .excelSemicolon ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The decimal mark of number cells.
    public var decimalMark: Character {
        self == .excelSemicolon ? "," : "."
    }

    /// The line end written after each row.
    public var lineTerminator: String {
        self == .rfc4180 ? "\n" : "\r\n"
    }

    /// Whether files start with the UTF-8 byte order mark.
    public var writesByteOrderMark: Bool {
        self != .rfc4180
    }

    /// Whether text cells that a spreadsheet would run as a formula are written with a leading `'` (see `FormulaGuard`).
    public var guardsFormulas: Bool {
        self != .rfc4180
    }

    /// The names of every dialect, for messages.
    public static var names: String {
        allCases.map(\.name).joined(separator: ", ")
    }
}
