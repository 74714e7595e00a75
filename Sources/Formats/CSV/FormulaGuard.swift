/// Keeps spreadsheets from running text cells as formulas, in a way that reads back exactly.
///
/// In the `excel` dialects a text cell whose first character is `=`, `+`, `-`, `@`, a tab, a carriage return or
/// `'` is written with one more `'` in front; reading drops one leading `'` from every text cell that has one.
/// `'=SUM(A1)` thus reads back as `=SUM(A1)`, and `'quoted` (written `''quoted`) as `'quoted`. Number cells are
/// numbers and are never guarded. The `rfc4180` dialect writes and reads every value as it is.
public enum FormulaGuard {
    /// The mark put in front of a guarded cell.
    public static let mark: Character = "'"

    /// Whether a cell text starts with the mark.
    public static func isGuarded(_ text: String) -> Bool {
        text.utf8.first == 0x27
    }

    /// The first bytes that make a spreadsheet read a cell as a formula (`=`, `+`, `-`, `@`, tab, carriage
    /// return), and the mark itself.
    static let triggers: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D, 0x27]

    /// Whether a text needs the mark.
    public static func needsGuard(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return triggers.contains(first)
    }

    /// The cell text of a value: the value with the mark in front when it needs one.
    public static func guarded(_ text: String) -> String {
        needsGuard(text) ? String(mark) + text : text
    }

    /// The value of a cell text: without its leading mark, if it has one.
    public static func unguarded(_ text: String) -> String {
        guard isGuarded(text) else { return text }
        return String(decoding: text.utf8.dropFirst(), as: UTF8.self)
    }
}
