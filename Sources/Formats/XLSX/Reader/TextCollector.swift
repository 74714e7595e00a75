/// Collects the text of `t` elements inside a string item (`si`, `is`, a comment's `text`): plain or rich text runs,
/// without the phonetic runs (`rPh`) that only guide pronunciation. It counts characters as they come and stops
/// collecting past `WorkbookLimits.cellCharacters`, marking the text too long.
struct TextCollector {
    private var bytes: [UInt8] = []
    private var inText = false
    private var phoneticDepth = 0
    private var characterCount = 0
    /// Whether the text ran past `WorkbookLimits.cellCharacters`; what was collected is then cut.
    private(set) var isTooLong = false

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        inText = false
        phoneticDepth = 0
        characterCount = 0
        isTooLong = false
    }

    mutating func start(_ name: String) {
        if name == "rPh" { phoneticDepth += 1 } else if name == "t" && phoneticDepth == 0 { inText = true }
    }

    mutating func end(_ name: String) {
        if name == "rPh" { phoneticDepth = max(0, phoneticDepth - 1) } else if name == "t" { inText = false }
    }

    mutating func characters(_ piece: UnsafeBufferPointer<UInt8>) {
        guard inText, !isTooLong else { return }
        isTooLong = !Self.append(piece, to: &bytes, counting: &characterCount)
    }

    /// The text collected since the last reset, Excel's `_xHHHH_` escapes decoded.
    var text: String { ExcelEscapes.decoded(bytes) }

    /// Appends `piece` to `bytes`, counting the characters it starts in `count`; stops and returns false when the
    /// count would pass `WorkbookLimits.cellCharacters`.
    static func append(_ piece: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8], counting count: inout Int) -> Bool {
        var taken = 0
        for byte in piece {
            // A byte that is not a UTF-8 continuation byte starts a character.
            if byte & 0xC0 != 0x80 {
                guard count < WorkbookLimits.cellCharacters else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: piece[..<taken]))
                    return false
                }
                count += 1
            }
            taken += 1
        }
        bytes.append(contentsOf: piece)
        return true
    }
}
