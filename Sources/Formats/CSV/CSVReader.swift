import Foundation
public import RegionKit

/// One cell of a CSV record, with the line it starts on.
public struct CSVCell: Sendable, Hashable {
    /// The cell's text, its quotes removed and doubled quotes undone.
    public var text: String
    /// The 1-based line of the file the cell starts on, counting line breaks inside quoted cells.
    public var line: Int
    /// Whether the cell was written in double quotes.
    public var quoted: Bool
}

/// One record (row) of a CSV file.
public struct CSVRecord: Sendable, Hashable {
    public var cells: [CSVCell]
    /// The 1-based line the record starts on.
    public var line: Int

    /// Whether the record is a blank line: one empty, unquoted cell.
    public var isBlankLine: Bool {
        cells.count == 1 && cells[0].text.isEmpty && !cells[0].quoted
    }

    /// Whether every cell is empty (a blank line, or a row of separators only).
    public var isEmpty: Bool { cells.allSatisfy(\.text.isEmpty) }
}

/// Reads a CSV file one record at a time, holding one chunk of the file and one record.
///
/// Cells may be quoted (RFC 4180): a quoted cell may hold separators, line breaks and doubled quotes. Records end
/// with `\n`, `\r\n` or `\r`; the last may have none. Leading UTF-8 byte order marks are skipped, so none ends up
/// in the first header. Lines are counted as a text editor counts them, line breaks inside quoted cells included.
/// Text that is not UTF-8, a NUL byte, a quoted cell that never ends, text after a closing quote, a cell longer than
/// `maximumCellCharacters` and a record of more than `maximumFields` fields are syntax errors, thrown as
/// `RegionKitError` with the file, line and field as soon as they are read: a file made to exhaust memory is
/// refused before it is.
public final class CSVReader {
    /// The most characters (Unicode scalars) a cell may have: 32 767, what a spreadsheet cell holds at most (Excel's
    /// limit), while the longest field of the dataset holds 400.
    public static let maximumCellCharacters = 32_767
    /// The most fields a record may have: 16 384, a spreadsheet's columns (A to XFD), while a table of the dataset
    /// has at most a dozen.
    public static let maximumFields = 16_384

    /// The file as named in messages.
    public let file: String
    /// The byte between fields.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// How many byte order marks the file started with.
    public private(set) var byteOrderMarks = 0
    /// The line the next record starts on.
    public private(set) var line = 1
    /// How many records ended with each kind of line break.
    public private(set) var lineBreaks = LineBreakCounts()
    /// The bytes of the file read so far.
    public var bytesRead: Int { input.offset }
    /// The size of the file in bytes, when it can be told, for progress.
    public let fileSize: Int?
    /// Whether the last record ended at the end of the file without a line break.
    public private(set) var endsWithoutLineBreak = false
    /// Warnings about text read leniently (a double quote inside an unquoted cell).
    public private(set) var warnings: [Finding] = []

    private let input: ByteInput
    private var field = 1
    private var cell: [UInt8] = []
    /// The characters of `cell` so far.
    private var cellCharacters = 0

    /// How many bytes are read from a file at a time unless told otherwise.
    public static let defaultChunkSize = ByteInput.defaultChunkSize
    /// How many bytes of the file `headerPreview()` looks at, whatever the chunk size.
    static let previewLength = 64 * 1024

    /// Opens a file; `file` names it in messages. The file is read `chunkSize` bytes at a time, which changes
    /// nothing but how much of it is held at once.
    public init(path: String, file: String, chunkSize: Int = CSVReader.defaultChunkSize) throws(RegionKitError) {
        self.file = file
        input = try ByteInput(path: path, chunkSize: chunkSize)
        fileSize = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        do throws(ByteInputError) {
            while try input.lookahead(3).elementsEqual(CSVWriter.byteOrderMark) {
                for _ in 0..<3 { input.advance() }
                byteOrderMarks += 1
            }
        } catch {
            throw failure(error)
        }
    }

    /// What the first line shows, for telling the dialect: the separators outside quotes and how it ends.
    public func headerPreview() throws(RegionKitError) -> HeaderPreview {
        let bytes: ArraySlice<UInt8>
        do throws(ByteInputError) {
            bytes = try input.lookahead(Self.previewLength)
        } catch {
            throw failure(error)
        }
        var preview = HeaderPreview()
        preview.isEmpty = bytes.isEmpty
        var quoted = false
        var position = bytes.startIndex
        while position < bytes.endIndex {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted {
                switch byte {
                case UInt8(ascii: ","): preview.commas += 1
                case UInt8(ascii: ";"): preview.semicolons += 1
                case UInt8(ascii: "\t"): preview.tabs += 1
                case UInt8(ascii: "\n"):
                    preview.lineBreak = .lf
                    return preview
                case UInt8(ascii: "\r"):
                    let next = bytes.index(after: position)
                    preview.lineBreak = next < bytes.endIndex && bytes[next] == UInt8(ascii: "\n") ? .crlf : .cr
                    return preview
                default: break
                }
            }
            position += 1
        }
        return preview
    }

    /// The next record, or nil at the end of the file.
    public func next() throws(RegionKitError) -> CSVRecord? {
        do throws(CSVSyntaxError) {
            return try readRecord()
        } catch {
            throw failure(error)
        }
    }

    @inline(__always)
    private func peek() throws(CSVSyntaxError) -> UInt8? {
        do throws(ByteInputError) {
            return try input.peek()
        } catch {
            throw .input(error)
        }
    }

    private func readRecord() throws(CSVSyntaxError) -> CSVRecord? {
        guard try peek() != nil else { return nil }
        let record = line
        var cells: [CSVCell] = []
        field = 1
        while true {
            let start = line
            cell.removeAll(keepingCapacity: true)
            cellCharacters = 0
            let quoted = try peek() == UInt8(ascii: "\"")
            let ended = quoted ? try readQuotedCell() : try readPlainCell()
            cells.append(CSVCell(text: String(decoding: cell, as: UTF8.self), line: start, quoted: quoted))
            if ended { return CSVRecord(cells: cells, line: record) }
            field += 1
            guard field <= Self.maximumFields else { throw .tooManyFields }
        }
    }

    /// Adds a byte to the cell being read, counting the characters it starts.
    @inline(__always)
    private func append(_ byte: UInt8, quotedFrom start: Int?) throws(CSVSyntaxError) {
        if byte & 0xC0 != 0x80 {
            cellCharacters += 1
            if cellCharacters > Self.maximumCellCharacters { throw .cellTooLong(quotedFrom: start) }
        }
        cell.append(byte)
    }

    /// Reads a quoted cell and what follows it; returns whether the record ended.
    private func readQuotedCell() throws(CSVSyntaxError) -> Bool {
        let quote = UInt8(ascii: "\"")
        let start = line
        input.advance()
        while true {
            guard let byte = try peek() else { throw .unterminatedQuote(line: start) }
            input.advance()
            switch byte {
            case quote:
                if try peek() == quote {
                    input.advance()
                    try append(quote, quotedFrom: start)
                } else {
                    return try readAfterClosingQuote()
                }
            case UInt8(ascii: "\n"):
                line += 1
                try append(byte, quotedFrom: start)
            case UInt8(ascii: "\r"):
                line += 1
                try append(byte, quotedFrom: start)
                if try peek() == UInt8(ascii: "\n") {
                    input.advance()
                    cell.append(UInt8(ascii: "\n"))
                }
            default:
                try append(byte, quotedFrom: start)
            }
        }
    }

    private func readAfterClosingQuote() throws(CSVSyntaxError) -> Bool {
        let byte = try peek()
        if let ended = try readEndOfCell(at: byte) { return ended }
        throw .textAfterQuote(byte ?? 0)
    }

    /// Consumes the separator or line break `byte` is, if it is one: false after a separator, true when the record
    /// ended (a line break or the end of the input), nil when `byte` belongs to the cell.
    private func readEndOfCell(at byte: UInt8?) throws(CSVSyntaxError) -> Bool? {
        guard let byte else {
            endsWithoutLineBreak = true
            return true
        }
        if byte == delimiter {
            input.advance()
            return false
        }
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            try readLineBreak()
            return true
        }
        return nil
    }

    /// Reads an unquoted cell and the separator or line break after it; returns whether the record ended.
    private func readPlainCell() throws(CSVSyntaxError) -> Bool {
        var warnedQuote = false
        while true {
            let next = try peek()
            if let ended = try readEndOfCell(at: next) { return ended }
            guard let byte = next else { return true }
            if byte == UInt8(ascii: "\""), !warnedQuote {
                warnedQuote = true
                warnings.append(
                    Finding(
                        code: "csv.stray-quote", severity: .warning,
                        message: "a double quote inside an unquoted cell is read as it is",
                        location: Location(file: file, line: line, column: field),
                        hint: "put the whole cell in double quotes and double each quote inside it"))
            }
            input.advance()
            try append(byte, quotedFrom: nil)
        }
    }

    private func readLineBreak() throws(CSVSyntaxError) {
        let byte = try peek()
        input.advance()
        line += 1
        if byte == UInt8(ascii: "\r") {
            if try peek() == UInt8(ascii: "\n") {
                input.advance()
                lineBreaks.crlf += 1
            } else {
                lineBreaks.cr += 1
            }
        } else {
            lineBreaks.lf += 1
        }
    }

    private func failure(_ error: ByteInputError) -> RegionKitError {
        failure(CSVSyntaxError.input(error))
    }

    private func failure(_ error: CSVSyntaxError) -> RegionKitError {
        let place = "\(file):\(line):\(field)"
        switch error {
        case .input(.invalidUTF8(let offset, let byte)):
            return RegionKitError(
                .syntax,
                "\(place): error: the file is not UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at byte offset \(offset) "
                    + "starts no UTF-8 character\n  hint: save the file as UTF-8 (in Excel: 'CSV UTF-8')")
        case .input(.nul(let offset)):
            return RegionKitError(
                .syntax,
                "\(place): error: the file holds a NUL byte (0x00) at byte offset \(offset), which no text has: it is binary or damaged\n"
                    + "  hint: export the table again as CSV")
        case .cellTooLong(let start):
            let what =
                start.map { "the quoted cell that starts on line \($0)" } ?? "the cell"
            let hint = start == nil ? "" : "\n  hint: is its closing quote missing?"
            return RegionKitError(
                .syntax,
                "\(place): error: \(what) runs past \(Self.maximumCellCharacters) characters, more than a spreadsheet cell holds; the file is refused\(hint)"
            )
        case .tooManyFields:
            return RegionKitError(
                .syntax,
                "\(place): error: the row has more than \(Self.maximumFields) fields, more than a spreadsheet has columns (A to XFD); the file is refused"
            )
        case .input(.unreadable(let message)):
            return RegionKitError(.unreadable, message)
        case .unterminatedQuote(let start):
            return RegionKitError(
                .syntax,
                "\(file):\(start):\(field): error: the quoted cell that starts here has no closing quote before the end of the file")
        case .textAfterQuote(let byte):
            let shown = byte < 0x80 ? "'\(Character(Unicode.Scalar(byte)))'" : "a character"
            return RegionKitError(
                .syntax,
                "\(place): error: \(shown) follows the closing quote of a cell; a quoted cell ends at its separator or line break\n"
                    + "  hint: double each quote inside a quoted cell (\"\")")
        }
    }
}

/// The kinds of line break a file used.
public struct LineBreakCounts: Sendable, Hashable {
    public var lf = 0
    public var crlf = 0
    public var cr = 0
}

/// The separators of a file's first line outside quotes, and how the line ends.
public struct HeaderPreview: Sendable, Hashable {
    /// How the first line ends.
    public enum LineBreak: Sendable, Hashable {
        case lf, crlf, cr
    }

    public var commas = 0
    public var semicolons = 0
    public var tabs = 0
    /// Nil when the file is one line without a line break.
    public var lineBreak: LineBreak?
    /// Whether the file has nothing after its byte order marks.
    public var isEmpty = false

    public init(commas: Int = 0, semicolons: Int = 0, tabs: Int = 0, lineBreak: LineBreak? = nil) {
        self.commas = commas
        self.semicolons = semicolons
        self.tabs = tabs
        self.lineBreak = lineBreak
    }
}

/// A syntax error found while reading records.
enum CSVSyntaxError: Error {
    case input(ByteInputError)
    case unterminatedQuote(line: Int)
    case textAfterQuote(UInt8)
    /// A cell longer than `CSVReader.maximumCellCharacters`; quoted from the line it starts on, if it is quoted.
    case cellTooLong(quotedFrom: Int?)
    /// A record with more than `CSVReader.maximumFields` fields.
    case tooManyFields
}
