/// What a range of cells accepts, and what Excel says when a cell is entered or a wrong value is typed.
struct DataValidation {
    /// The rule a value must follow.
    enum Rule {
        /// Anything: only the input message is shown.
        case any
        /// One value of a list given by a formula, such as a defined name (`=list_membership_status`).
        case list(formula: String)
        /// A number between two bounds.
        case decimal(minimum: Double, maximum: Double)
        /// A text of at most so many characters.
        case length(maximum: Int)
        /// A formula that must be true for the cell; relative references are to the range's first cell.
        case formula(String)
    }

    /// What Excel does with a value that breaks the rule.
    enum ErrorStyle {
        /// Refuses it.
        case stop
        /// Asks whether to keep it.
        case warning
        /// Says so and keeps it.
        case information
    }

    var rule: Rule
    var errorStyle: ErrorStyle = .stop
    var inputTitle = ""
    var inputMessage = ""
    var errorTitle = ""
    var errorMessage = ""

    /// Excel's limit on validation titles, in characters.
    static let titleLimit = 32
    /// Excel's limit on validation messages, in characters.
    static let messageLimit = 255

    /// `text` cut to `limit` characters, with an ellipsis when it was longer.
    static func clipped(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
