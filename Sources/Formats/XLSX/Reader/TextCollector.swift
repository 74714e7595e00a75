/// Collects the text of `t` elements inside a string item (`si`, `is`, a comment's `text`): plain or rich text runs,
/// without the phonetic runs (`rPh`) that only guide pronunciation.
struct TextCollector {
    private var bytes: [UInt8] = []
    private var inText = false
    private var phoneticDepth = 0

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        inText = false
        phoneticDepth = 0
    }

    mutating func start(_ name: String) {
        if name == "rPh" { phoneticDepth += 1 } else if name == "t" && phoneticDepth == 0 { inText = true }
    }

    mutating func end(_ name: String) {
        if name == "rPh" { phoneticDepth = max(0, phoneticDepth - 1) } else if name == "t" { inText = false }
    }

    mutating func characters(_ piece: UnsafeBufferPointer<UInt8>) {
        if inText { bytes.append(contentsOf: piece) }
    }

    /// The text collected since the last reset, its `_xHHHH_` escapes undone.
    var text: String { XstringEscape.decoded(String(decoding: bytes, as: UTF8.self)) }
}
