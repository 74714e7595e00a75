import RegionKit

/// What a cell holds, as the worksheet stores it.
enum CellContent: Equatable {
    /// A shared, inline or formula string (rich text runs joined).
    case text(String)
    /// A number; with a date style it is a date serial.
    case number(Double)
    case boolean(Bool)
    /// An error value such as `#N/A`.
    case error(String)
    /// An ISO 8601 date cell (`t="d"`), which some writers use instead of serials.
    case isoDate(String)
}

/// One non-empty cell of a worksheet.
struct SheetCell {
    let address: CellAddress
    let content: CellContent
    /// Whether the cell's style shows numbers as dates.
    let isDateStyled: Bool
    /// The formula, when the cell holds one; `content` is then its last computed value.
    let formula: String?
}

/// The non-empty cells of one row, in column order.
struct SheetRow {
    let number: Int
    let cells: [SheetCell]
}

/// Streams the rows of a worksheet part to a closure, one row at a time, resolving shared strings and date styles.
/// Rows and cells must stay inside Excel's grid and in order, a cell's text within `WorkbookLimits.cellCharacters`
/// and a run of empty rows within `WorkbookLimits.emptyRowRun`; the first that does not stops the reading.
final class SheetReader: XMLEventHandler {
    private let sheet: String
    private let strings: SharedStringTable
    private let styles: CellStyles
    private let onRow: (SheetRow) -> Void
    /// The first problem that makes the sheet unreadable, with the cell or row it is in; the rest of the part is skipped.
    private(set) var failure: (place: String, message: String)?
    var stopReason: String? { failure?.message }

    private var rowNumber = 0
    private var cells: [SheetCell] = []
    private var inRow = false
    /// How many empty rows came one after the other, up to this one, and the first of them.
    private var emptyRun = 0
    private var firstEmptyRow = 0

    private var cellAddress: CellAddress?
    private var cellType = "n"
    private var cellStyle = 0
    private var lastColumn = 0
    private var value: [UInt8] = []
    private var formula: [UInt8] = []
    private var valueCharacters = 0
    private var formulaCharacters = 0
    private var hasValue = false
    private var hasFormula = false
    private var inValue = false
    private var inFormula = false
    private var inInline = false
    private var inline = TextCollector()

    init(sheet: String, strings: SharedStringTable, styles: CellStyles, onRow: @escaping (SheetRow) -> Void) {
        self.sheet = sheet
        self.strings = strings
        self.styles = styles
        self.onRow = onRow
    }

    /// Reads a worksheet part of `package`, calling `onRow` for each row that has cells.
    static func read(
        _ part: String, sheet: String, in package: WorkbookPackage, strings: SharedStringTable, styles: CellStyles,
        onRow: @escaping (SheetRow) -> Void
    ) throws(RegionKitError) {
        let reader = SheetReader(sheet: sheet, strings: strings, styles: styles, onRow: onRow)
        do {
            try package.parse(part, with: reader)
        } catch {
            // A problem the reader stopped at is told by its cell; one in the XML or the package as it is.
            guard let failure = reader.failure else { throw error }
            throw RegionKitError(.syntax, "\(package.path):\(failure.place): error: \(failure.message)")
        }
        if let failure = reader.failure {
            throw RegionKitError(.syntax, "\(package.path):\(failure.place): error: \(failure.message)")
        }
    }

    private func fail(_ place: String, _ message: String) {
        if failure == nil { failure = (place, message) }
    }

    private func place(_ address: CellAddress) -> String { WorkbookLayout.reference(sheet, address) }

    func startElement(_ name: String, _ attributes: XMLAttributes) {
        guard failure == nil else { return }
        if inInline {
            inline.start(name)
            return
        }
        switch name {
        case "row":
            let number = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            guard (1...CellAddress.maximumRow).contains(number), number > rowNumber || rowNumber == 0 else {
                fail(sheet, "row \(number) is out of range (1 to \(CellAddress.maximumRow)) or out of order")
                return
            }
            rowNumber = number
            inRow = true
            lastColumn = 0
            cells.removeAll(keepingCapacity: true)
        case "c" where inRow:
            if let reference = attributes["r"] {
                guard let address = CellAddress(reference), address.row == rowNumber else {
                    fail(
                        WorkbookLayout.reference(sheet, String(reference.prefix(40))),
                        "the cell reference '\(reference.prefix(40))' is out of range (A1 to XFD\(CellAddress.maximumRow)) or outside its row \(rowNumber)"
                    )
                    return
                }
                guard address.column > lastColumn else {
                    fail(
                        place(address),
                        "the cell comes after column \(CellAddress.letters(of: lastColumn)) in its row; cells must be in column order")
                    return
                }
                cellAddress = address
            } else {
                guard lastColumn < CellAddress.maximumColumn else {
                    fail(sheet, "row \(rowNumber) has more than \(CellAddress.maximumColumn) cells")
                    return
                }
                cellAddress = CellAddress(row: rowNumber, column: lastColumn + 1)
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value.removeAll(keepingCapacity: true)
            formula.removeAll(keepingCapacity: true)
            valueCharacters = 0
            formulaCharacters = 0
            hasValue = false
            hasFormula = false
        case "v":
            inValue = true
            hasValue = true
        case "f":
            inFormula = true
            hasFormula = true
        case "is":
            inInline = true
            hasValue = true
            inline.reset()
        default:
            break
        }
    }

    func endElement(_ name: String) {
        guard failure == nil else { return }
        if inInline {
            if name == "is" { inInline = false } else { inline.end(name) }
            return
        }
        switch name {
        case "v": inValue = false
        case "f": inFormula = false
        case "c": finishCell()
        case "row":
            inRow = false
            guard cells.isEmpty else {
                emptyRun = 0
                onRow(SheetRow(number: rowNumber, cells: cells))
                return
            }
            if emptyRun == 0 { firstEmptyRow = rowNumber }
            emptyRun += 1
            if emptyRun > WorkbookLimits.emptyRowRun {
                fail(
                    WorkbookLayout.reference(sheet, CellAddress(row: firstEmptyRow, column: 1)),
                    "more than \(WorkbookLimits.emptyRowRun) empty rows follow one another from row \(firstEmptyRow) on; delete the empty rows (select them, then Delete Rows) and save the workbook again"
                )
            }
        default: break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        let fits: Bool
        if inInline {
            inline.characters(bytes)
            fits = !inline.isTooLong
        } else if inValue {
            fits = TextCollector.append(bytes, to: &value, counting: &valueCharacters)
        } else if inFormula {
            fits = TextCollector.append(bytes, to: &formula, counting: &formulaCharacters)
        } else {
            return
        }
        if !fits, let cellAddress {
            fail(
                place(cellAddress),
                "the cell holds more than \(WorkbookLimits.cellCharacters) characters, more than a cell can (Excel's limit); the workbook is refused"
            )
        }
    }

    private func finishCell() {
        guard let address = cellAddress else { return }
        cellAddress = nil
        lastColumn = address.column
        guard hasValue else {
            if hasFormula {
                cells.append(
                    SheetCell(
                        address: address, content: .text(""), isDateStyled: false,
                        formula: String(decoding: formula, as: UTF8.self)))
            }
            return
        }
        let text = String(decoding: value, as: UTF8.self)
        let content: CellContent
        switch cellType {
        case "s":
            guard let index = Int(text.trimmingSpaces), let string = strings[index] else {
                fail(place(address), "the cell refers to shared string \(text), which the workbook does not have")
                return
            }
            content = .text(string)
        case "inlineStr":
            content = .text(inline.text)
        case "str":
            content = .text(text)
        case "b":
            content = .boolean(text.trimmingSpaces == "1" || text.trimmingSpaces.lowercased() == "true")
        case "e":
            content = .error(text)
        case "d":
            content = .isoDate(text)
        default:
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty {
                if hasFormula {
                    cells.append(
                        SheetCell(
                            address: address, content: .text(""), isDateStyled: false,
                            formula: String(decoding: formula, as: UTF8.self)))
                }
                return
            }
            guard let number = Double(trimmed), number.isFinite else {
                fail(place(address), "the cell's number '\(trimmed)' cannot be read")
                return
            }
            content = .number(number)
        }
        let formulaText = hasFormula ? String(decoding: formula, as: UTF8.self) : nil
        cells.append(
            SheetCell(
                address: address, content: content, isDateStyled: styles.isDate(cellStyle), formula: formulaText))
    }
}

extension String {
    /// The text without ASCII spaces, tabs and line breaks around it.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        var start = 0
        var end = bytes.count
        let space: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        while start < end && space(bytes[start]) { start += 1 }
        while end > start && space(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
