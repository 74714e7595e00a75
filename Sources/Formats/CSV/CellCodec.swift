public import RegionKit

/// Turns field values into CSV cell texts and back, in one dialect.
///
/// Numbers use the dialect's decimal mark; dates are ISO text as precise as they are known (`2019`, `2019-07`,
/// `2019-10-03`); lists use `ListCell`; text is written as it is, except that the `excel` dialects guard cells
/// that a spreadsheet would run as a formula (`FormulaGuard`). An empty cell is an absent value.
public struct CellCodec: Sendable {
    public let dialect: CSVDialect

    public init(dialect: CSVDialect) {
        self.dialect = dialect
    }

    /// The cell text of a field's value.
    public func text(of value: Value, field: FieldSpec) -> String {
        switch value {
        case .number(let number):
            let text = Value.format(number)
            return dialect.decimalMark == "." ? text : text.replacing(".", with: String(dialect.decimalMark))
        case .list(let items):
            return guarded(ListCell.encode(items))
        case .text, .date:
            return guarded(value.canonicalText)
        }
    }

    /// The value of a non-empty cell text of a field, or why it cannot be read.
    public func value(of text: String, field: FieldSpec) -> Result<Value, ValueError> {
        switch field.type {
        case .number:
            return number(text, field: field)
        case .list:
            let plain = unguarded(text)
            switch ListCell.decode(plain) {
            case .success(let items):
                var values: [String] = []
                for item in items {
                    switch field.parseItem(item) {
                    case .success(let value): values.append(value)
                    case .failure(let error): return .failure(error)
                    }
                }
                return .success(.list(values))
            case .failure(let error):
                return .failure(ValueError(field: field.key, message: error.message))
            }
        case .text, .date, .enumeration, .reference:
            return field.parse(unguarded(text))
        }
    }

    private func number(_ text: String, field: FieldSpec) -> Result<Value, ValueError> {
        let mark = dialect.decimalMark
        let other: Character = mark == "." ? "," : "."
        if text.contains(other) {
            return .failure(
                ValueError(
                    field: field.key,
                    message: "'\(text)' is not a number: the decimal mark of dialect \(dialect) is '\(mark)', not '\(other)'"))
        }
        guard let number = FieldSpec.parseNumber(plainNumber(text)) else {
            return .failure(ValueError(field: field.key, message: "'\(text)' is not a number"))
        }
        return .success(.number(number))
    }

    /// A number cell's text with `.` as its decimal mark, as `FieldSpec.parseNumber` reads it.
    public func plainNumber(_ text: String) -> String {
        dialect.decimalMark == "." ? text : text.replacing(String(dialect.decimalMark), with: ".")
    }

    private func guarded(_ text: String) -> String {
        dialect.guardsFormulas ? FormulaGuard.guarded(text) : text
    }

    private func unguarded(_ text: String) -> String {
        dialect.guardsFormulas ? FormulaGuard.unguarded(text) : text
    }
}
