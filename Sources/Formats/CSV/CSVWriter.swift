public import RegionKit

/// Writes rows of cells as CSV in a dialect, one row at a time, into a staged file.
///
/// A cell is quoted when it holds the separator, a double quote, a carriage return or a line feed, with its
/// double quotes doubled (RFC 4180); other cells are written as they are. Rows end with the dialect's line end,
/// the last one included.
public struct CSVWriter {
    public let dialect: CSVDialect
    private let file: StagedFileWriter
    private var row: [UInt8] = []

    /// Starts a file, writing the byte order mark when the dialect has one.
    public init(dialect: CSVDialect, file: StagedFileWriter) throws(RegionKitError) {
        self.dialect = dialect
        self.file = file
        if dialect.writesByteOrderMark { try file.write(CSVWriter.byteOrderMark) }
    }

    /// The UTF-8 byte order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Writes one row.
    public mutating func write(_ cells: [String]) throws(RegionKitError) {
        row.removeAll(keepingCapacity: true)
        for (index, cell) in cells.enumerated() {
            if index > 0 { row.append(dialect.delimiter) }
            append(cell)
        }
        row.append(contentsOf: dialect.lineTerminator.utf8)
        try file.write(row)
    }

    private mutating func append(_ cell: String) {
        let delimiter = dialect.delimiter
        let quote = UInt8(ascii: "\"")
        let needsQuotes = cell.utf8.contains { byte in
            byte == delimiter || byte == quote || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else { return row.append(contentsOf: cell.utf8) }
        row.append(quote)
        for byte in cell.utf8 {
            if byte == quote { row.append(quote) }
            row.append(byte)
        }
        row.append(quote)
    }
}
