/// A cell in A1 notation: a 1-based row and column, such as `D7`.
struct CellAddress: Hashable, CustomStringConvertible {
    /// Excel's last row.
    static let maximumRow = 1_048_576
    /// Excel's last column (`XFD`).
    static let maximumColumn = 16_384

    let row: Int
    let column: Int

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `D7` or `$D$7`; nil when the text is not a reference inside Excel's grid.
    init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...Self.maximumRow).contains(row), (1...Self.maximumColumn).contains(column)
        else { return nil }
        self.row = row
        self.column = column
    }

    /// The letters of a 1-based column: 1 is `A`, 27 is `AA`.
    static func letters(of column: Int) -> String {
        var number = column
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 1-based column of letters such as `AA`, or nil.
    static func column(ofLetters letters: some StringProtocol) -> Int? {
        CellAddress(letters + "1")?.column
    }

    var description: String { Self.letters(of: column) + String(row) }

    /// The absolute form, `$D$7`, as formulas and defined names use it.
    var absolute: String { "$" + Self.letters(of: column) + "$" + String(row) }
}
