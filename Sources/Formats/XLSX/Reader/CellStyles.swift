import RegionKit

/// Which cell styles of a workbook (`xl/styles.xml`, `cellXfs`) show numbers as dates, so that date serials can be
/// told from plain numbers.
struct CellStyles {
    private(set) var dateStyles: Set<Int> = []

    static func read(_ part: String?, in package: WorkbookPackage) throws(RegionKitError) -> CellStyles {
        guard let part else { return CellStyles() }
        let handler = Handler()
        try package.parse(part, with: handler)
        var styles = CellStyles()
        for (index, format) in handler.cellFormats.enumerated() {
            if Self.isDateFormat(id: format, code: handler.customFormats[format]) { styles.dateStyles.insert(index) }
        }
        return styles
    }

    /// Whether the style at index `style` (a cell's `s` attribute) shows dates.
    func isDate(_ style: Int) -> Bool { dateStyles.contains(style) }

    /// Whether a number format shows a date or time: Excel's built-in date formats, or a format code with day, month,
    /// year, hour or second placeholders outside quoted text, escapes, padding and brackets.
    static func isDateFormat(id: Int, code: String?) -> Bool {
        if let code {
            var inQuote = false
            var inBracket = false
            var escaped = false
            for character in code.lowercased() {
                if escaped { escaped = false; continue }
                switch character {
                case "\\", "_", "*": escaped = true
                case "\"": inQuote.toggle()
                case "[" where !inQuote: inBracket = true
                case "]" where !inQuote: inBracket = false
                case "d", "m", "y", "h", "s":
                    if !inQuote && !inBracket { return true }
                default: break
                }
            }
            return false
        }
        return (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    private final class Handler: XMLEventHandler {
        var customFormats: [Int: String] = [:]
        var cellFormats: [Int] = []
        var inCellFormats = false
        var stopReason: String?

        func startElement(_ name: String, _ attributes: XMLAttributes) {
            switch name {
            case "numFmt":
                guard customFormats.count < WorkbookLimits.listedItems else { return tooMany("number formats") }
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                    customFormats[id] = code
                }
            case "cellXfs":
                inCellFormats = true
            case "xf" where inCellFormats:
                guard cellFormats.count < WorkbookLimits.listedItems else { return tooMany("cell formats") }
                cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default:
                break
            }
        }

        private func tooMany(_ what: String) {
            stopReason = "the styles list more than \(WorkbookLimits.listedItems) \(what); the workbook is refused"
        }

        func endElement(_ name: String) {
            if name == "cellXfs" { inCellFormats = false }
        }

        func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
}
