import Foundation
import RegionKit

/// Reads one cell as the value of its field, and reports what a spreadsheet did to it on the way.
///
/// Excel's habits are never absorbed silently. Each is either normalised, with a warning that names the cell, the
/// field and the value read, or rejected with an error:
///
/// | habit | where | what happens |
/// | --- | --- | --- |
/// | a number where text is expected (`12345.0` in an id column) | text, id, code, list | read as its shortest text (`12345`), warning `xlsx.number-as-text` |
/// | leading zeros lost (`7` for the exported `007`) | text, id, code | the exported text is kept, warning `xlsx.leading-zeros` |
/// | a number stored as text (`'15'`) | number | read as the number, warning `xlsx.text-as-number`; not a number: error `schema.type` |
/// | a date serial in a date column without a date style | date | a year from 1000 to 9999 is read as that year (`xlsx.year-as-number`), other whole numbers as date serials (`xlsx.date-serial`), warnings |
/// | a date where text is expected (Excel turned an entry into a date) | text, id, code, list | rejected, error `xlsx.date-in-text`: what was typed is lost |
/// | a date with a time of day | date | the day is read, warning `xlsx.time-ignored` |
/// | text in any cell: white space, smart quotes, lists, partial dates | any | as `CellText` reads every format's text cells |
/// | a formula | any | its last computed value is read, warning `xlsx.formula`; none computed: error |
/// | a number that equals the exported one to 15 significant digits | number | the exported number is kept, without a finding: spreadsheets keep no more digits |
/// | an error value (`#N/A`) or TRUE/FALSE | any | rejected, error `xlsx.error-value` or `schema.type` |
struct CellInterpreter {
    let dateSystem: DateSerial.System

    /// What a cell gives: its value (nil for an empty cell or one that cannot be read) and the findings about it.
    struct Outcome {
        var value: Value?
        var findings: [Finding] = []
        /// The cell has content that could not be read; an error says why.
        var unreadable = false
    }

    /// Reads `cell` as a value of `field`; `location` names the cell in findings, `exported` is the row's value at
    /// export, when known.
    func read(_ cell: SheetCell, field: FieldSpec, location: Location, exported: Value?) -> Outcome {
        var context = Context(field: field, location: location)
        var content = cell.content
        if let formula = cell.formula {
            if content == .text("") {
                context.error(
                    "xlsx.formula", "the cell holds the formula =\(formula), which has no computed value",
                    hint: "type the value instead of a formula")
                return context.outcome(nil)
            }
            context.warn(
                "xlsx.formula", "the cell holds the formula =\(formula); its last computed value is read",
                hint: "type the value instead of a formula")
        }
        if case .isoDate(let text) = content {
            guard let date = PartialDate(iso: String(text.prefix(10))) else {
                context.error("schema.date", "the date cell '\(text)' cannot be read")
                return context.outcome(nil)
            }
            content = .text(date.description)
            if field.type != .date {
                context.error(
                    "xlsx.date-in-text", "the cell holds the date \(date) where \(field.type.name) is expected", hint: Self.retypeHint)
                return context.outcome(nil)
            }
        }
        switch content {
        case .error(let code):
            context.error("xlsx.error-value", "the cell holds the error \(code)", hint: "type the value itself")
            return context.outcome(nil)
        case .boolean(let flag):
            context.error("schema.type", "\(flag ? "TRUE" : "FALSE") is a yes/no value; expected \(field.type.name)")
            return context.outcome(nil)
        case .number(let number):
            return readNumber(number, dateStyled: cell.isDateStyled, exported: exported, &context)
        case .text(let raw), .isoDate(let raw):
            return readText(raw, exported: exported, &context)
        }
    }

    private static func isText(_ value: Value) -> Bool {
        switch value {
        case .text, .list: return true
        case .number, .date: return false
        }
    }

    static let retypeHint = "format the cell as Text and type the value again; Excel turns some entries into dates"

    // MARK: Numbers

    private func readNumber(_ number: Double, dateStyled: Bool, exported: Value?, _ context: inout Context) -> Outcome {
        let field = context.field
        if dateStyled, field.type != .number {
            guard let day = DateSerial.day(of: number, in: dateSystem) else {
                context.error("schema.date", "the date serial \(Value.format(number)) is not a calendar day")
                return context.outcome(nil)
            }
            guard field.type == .date else {
                context.error(
                    "xlsx.date-in-text", "the cell holds the date \(day.date) where \(field.type.name) is expected",
                    hint: Self.retypeHint)
                return context.outcome(nil)
            }
            if day.fraction != 0 {
                context.warn("xlsx.time-ignored", "the cell holds a date with a time of day; only the day \(day.date) is read")
            }
            return context.outcome(.date(day.date))
        }
        switch field.type {
        case .number:
            if dateStyled {
                context.warn("xlsx.date-style", "the number \(Value.format(number)) is formatted as a date; read as the number")
            }
            if case .number(let before)? = exported, Self.sameInSpreadsheets(before, number) {
                return context.outcome(.number(before))
            }
            return context.outcome(.number(number))
        case .date:
            if number == number.rounded(), (1000...9999).contains(number) {
                let year = Int(number)
                context.warn(
                    "xlsx.year-as-number", "\(year) is stored as a number; read as the year \(year)",
                    hint: "type years as text, as the column's cells are formatted")
                return context.outcome(PartialDate(year: year).map(Value.date))
            }
            if number == number.rounded(), let day = DateSerial.day(of: number, in: dateSystem) {
                context.warn(
                    "xlsx.date-serial", "the number \(Value.format(number)) is read as the date serial of \(day.date)",
                    hint: "give the cell a date format, or type the date as YYYY-MM-DD")
                return context.outcome(.date(day.date))
            }
            context.error("schema.date", "the number \(Value.format(number)) is not a date", hint: "type the date as YYYY-MM-DD")
            return context.outcome(nil)
        case .list:
            let text = Value.format(number)
            context.warn("xlsx.number-as-text", "\(text) is stored as a number; read as the text '\(text)'")
            return context.outcome(.list([text]))
        case .text, .enumeration, .reference:
            let text = Value.format(number)
            if case .text(let before)? = exported, before != text, before.first == "0",
                before.drop(while: { $0 == "0" }) == Substring(text)
            {
                context.warn(
                    "xlsx.leading-zeros", "\(text) is stored as a number and lost its leading zeros; read as '\(before)', as exported",
                    hint: "format the cell as Text and keep the zeros")
                return context.outcome(.text(before))
            }
            context.warn(
                "xlsx.number-as-text", "\(text) is stored as a number; read as the text '\(text)'",
                hint: "format the cell as Text so that Excel keeps what is typed")
            return context.outcome(.text(text))
        }
    }

    /// Whether two numbers are the same to the 15 significant digits spreadsheets keep: Excel stores no more, and
    /// libxlsxwriter writes 16, so an exported `2.7199999999999998` comes back as `2.72` and is no change.
    static func sameInSpreadsheets(_ a: Double, _ b: Double) -> Bool {
        a == b || String(format: "%.14e", a) == String(format: "%.14e", b)
    }

    // MARK: Text

    /// A text cell is read as in every tabular format (`CellText`); a number typed as text is the workbook's own habit.
    private func readText(_ raw: String, exported: Value?, _ context: inout Context) -> Outcome {
        var reading = CellText().read(raw, field: context.field, location: context.location, exported: exported)
        context.findings += reading.findings
        context.failed = context.failed || reading.unreadable
        if let read = reading.value, let before = exported, before != read, Self.isText(before),
            ExcelEscapes.withOneLevelLost(before.canonicalText) == read.canonicalText
        {
            context.warn(
                "xlsx.escape-lost",
                "the cell reads as the exported '\(before.canonicalText)' with one '_x005F_' less; the exported value is kept",
                hint: "LibreOffice writes a text holding '_x005F_xHHHH_' back as '_xHHHH_'")
            reading.value = before
        }
        if context.field.type == .number, case .number(let number)? = reading.value {
            context.warn(
                "xlsx.text-as-number", "'\(CellText.trimmed(raw))' is stored as text; read as the number \(Value.format(number))")
        }
        return context.outcome(reading.value)
    }

    /// The field and cell a reading is about, and the findings it gathers.
    struct Context {
        let field: FieldSpec
        let location: Location
        var findings: [Finding] = []
        var failed = false

        mutating func warn(_ code: String, _ message: String, hint: String? = nil) {
            findings.append(Finding(code: code, severity: .warning, message: "\(field.key): \(message)", location: location, hint: hint))
        }

        mutating func error(_ code: String, _ message: String, hint: String? = nil) {
            findings.append(Finding(code: code, severity: .error, message: "\(field.key): \(message)", location: location, hint: hint))
            failed = true
        }

        func outcome(_ value: Value?) -> Outcome {
            Outcome(value: value, findings: findings, unreadable: failed)
        }
    }
}
