public import RegionKit

/// Turns field values into CSV cell texts and back, in one dialect.
///
/// Numbers use the dialect's decimal mark; dates are ISO text as precise as they are known (`2019`, `2019-07`,
/// `2019-10-03`); lists use `ListCell`; text is written as it is, except that the `excel` dialects guard cells
/// that a spreadsheet would run as a formula (`FormulaGuard`). An empty cell is an absent value. Cells are read
/// back by `CellText`, as in every tabular format.
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

    /// Reads a cell text as a value of `field`, as every tabular format does (`CellText`), after undoing the
    /// dialect's formula guard; `location` names the cell in findings.
    public func read(_ text: String, field: FieldSpec, location: Location) -> CellText.Reading {
        let plain = field.type == .number ? text : unguarded(text)
        return CellText(decimalMark: dialect.decimalMark).read(plain, field: field, location: location)
    }

    private func guarded(_ text: String) -> String {
        dialect.guardsFormulas ? FormulaGuard.guarded(text) : text
    }

    private func unguarded(_ text: String) -> String {
        dialect.guardsFormulas ? FormulaGuard.unguarded(text) : text
    }
}
