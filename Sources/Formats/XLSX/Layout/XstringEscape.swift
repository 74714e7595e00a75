/// The escapes of Office Open XML strings (ECMA-376 Part 1, ST_Xstring): `_xHHHH_` stands for the UTF-16 code unit
/// HHHH, so that characters XML cannot carry, such as control characters, survive in a workbook. libxlsxwriter and
/// Excel write them, and Excel reads `_x005F_` as an underscore written so that a text's own `_xHHHH_` reads back as
/// it is.
enum XstringEscape {
    /// The text a workbook string stands for: every `_xHHHH_` undone, a surrogate pair written as two escapes becoming
    /// one character. An escape of a lone surrogate, which stands for no character, is kept as it is.
    static func decoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 7, Self.firstEscape(in: bytes, from: 0) != nil else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let unit = unit(in: bytes, at: index) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var scalar = Unicode.Scalar(unit)
            var length = 7
            if (0xD800...0xDBFF).contains(unit), let low = self.unit(in: bytes, at: index + 7), (0xDC00...0xDFFF).contains(low) {
                scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                length = 14
            }
            if let scalar {
                output.append(contentsOf: String(scalar).utf8)
                index += length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The workbook string of a text, so that it reads back as it is: the underscore that starts any `_x` and four
    /// hexadecimal digits is written `_x005F_`. Control characters are left to libxlsxwriter, which escapes them.
    static func encoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard var next = firstEscape(in: bytes, from: 0, closed: false) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 7)
        var copied = 0
        while true {
            output.append(contentsOf: bytes[copied..<next])
            output.append(contentsOf: "_x005F".utf8)
            copied = next
            guard let found = firstEscape(in: bytes, from: next + 1, closed: false) else { break }
            next = found
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Where the first `_x` with four hexadecimal digits after it starts, at or after `start`; with `closed`, only one
    /// that an underscore ends (a whole escape).
    private static func firstEscape(in bytes: [UInt8], from start: Int, closed: Bool = true) -> Int? {
        var index = start
        while index + 5 < bytes.count {
            if hexDigits(in: bytes, at: index) != nil, !closed || (index + 6 < bytes.count && bytes[index + 6] == UInt8(ascii: "_")) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The code unit of a whole escape `_xHHHH_` at `index`, or nil.
    private static func unit(in bytes: [UInt8], at index: Int) -> UInt32? {
        guard index + 6 < bytes.count, bytes[index + 6] == UInt8(ascii: "_") else { return nil }
        return hexDigits(in: bytes, at: index)
    }

    /// The value of the four hexadecimal digits of `_xHHHH` at `index`, or nil.
    private static func hexDigits(in bytes: [UInt8], at index: Int) -> UInt32? {
        guard index + 5 < bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x") else {
            return nil
        }
        var value: UInt32 = 0
        for byte in bytes[(index + 2)...(index + 5)] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 16 + UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value * 16 + UInt32(byte - UInt8(ascii: "A") + 10)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value * 16 + UInt32(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }
}
