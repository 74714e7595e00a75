/// Excel's escapes inside the text of a workbook (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): `_xHHHH_` stands for the
/// UTF-16 code unit HHHH, so that characters XML cannot carry survive; Excel writes a carriage return as `_x000D_`.
///
/// libxlsxwriter writes control characters this way but leaves text that merely looks like an escape as it is, which
/// Excel and every reader would then decode; so the exporter escapes the underscore of such text (`_x005F_`), and the
/// importer decodes every escape. Together a text such as `_x0041_` or one holding a carriage return reads back
/// exactly.
enum ExcelEscapes {
    /// The text to hand to libxlsxwriter: every `_xHHHH` already in it gets its underscore escaped, whether an
    /// underscore closes it or not, since libxlsxwriter's own escape of a carriage return after it would.
    static func protectingLiteralEscapes(_ text: String) -> String {
        guard text.utf8.contains(0x5F) else { return text }
        let bytes = Array(text.utf8)
        let starts = escapeStarts(in: bytes)
        guard !starts.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 6 * starts.count)
        var index = 0
        for start in starts {
            result += bytes[index..<start]
            result += Array("_x005F_".utf8)
            index = start + 1
        }
        result += bytes[index...]
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` as LibreOffice gives it back after a re-save: it writes a text holding `_x005F_xHHHH_` as
    /// `_x005F_xHHHH_`, which reads as `_xHHHH_`, so every `_x005F_` before an escape-like `xHHHH` is lost once.
    static func withOneLevelLost(_ text: String) -> String {
        guard text.contains("_x005F_x") else { return text }
        return text.replacing("_x005F_x", with: "_x")
    }

    /// The UTF-16 code units of a text cell as the file holds it: `text` with `protectingLiteralEscapes`' escapes
    /// and libxlsxwriter's `_x000D_` for each carriage return (the only control character a valid dataset has that
    /// it escapes), each escape counted whole. That is at least what Excel counts (the text once unescaped) and what
    /// RegionKit's reader counts (the Unicode scalars of the text as written), so a cell within
    /// `SpreadsheetCell.maximumUnits` of it reads back whole in both. An escape makes at most 7 code units of a
    /// byte: a text of up to a seventh of the limit in UTF-8 bytes fits without counting.
    static func writtenUnits(of text: String) -> Int {
        let protected = protectingLiteralEscapes(text)
        var units = protected.utf16.count
        for byte in protected.utf8 where byte == 0x0D { units += 6 }
        return units
    }

    /// The most code units one UTF-8 byte of a text can become as written: a carriage return becomes `_x000D_`.
    static let unitsPerByte = 7

    /// The text a workbook means: every `_xHHHH_` replaced by its character. A surrogate escape that does not pair
    /// up stays as it is written.
    static func decoded(_ bytes: [UInt8]) -> String {
        guard bytes.contains(0x5F) else { return String(decoding: bytes, as: UTF8.self) }
        var units: [UInt16] = []
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let unit = unit(in: bytes, at: index) {
                units.append(unit)
                index += 7
                continue
            }
            flush(&units, into: &result)
            result.append(bytes[index])
            index += 1
        }
        flush(&units, into: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Where `_xHHHH` sequences start, overlapping ones included: in `_x0041_x0042_` the underscore that ends the
    /// first also starts the second, and both must be protected for the text to decode to itself. The closing
    /// underscore is not needed: in `_x000D` followed by a carriage return, libxlsxwriter writes `_x000D_x000D_`.
    private static func escapeStarts(in bytes: [UInt8]) -> [Int] {
        bytes.indices.filter { unit(in: bytes, at: $0, closed: false) != nil }
    }

    /// The code unit of an escape starting at `index`, if one does; with `closed` false, of `_xHHHH` whatever follows.
    private static func unit(in bytes: [UInt8], at index: Int, closed: Bool = true) -> UInt16? {
        guard index + 6 <= bytes.count, bytes[index] == 0x5F, bytes[index + 1] == 0x78 else { return nil }
        guard !closed || (index + 7 <= bytes.count && bytes[index + 6] == 0x5F) else { return nil }
        var value: UInt16 = 0
        for byte in bytes[(index + 2)..<(index + 6)] {
            guard let digit = hexValue(byte) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Appends decoded code units as UTF-8; a unit that is half of a surrogate pair on its own is written back as its escape.
    private static func flush(_ units: inout [UInt16], into result: inout [UInt8]) {
        guard !units.isEmpty else { return }
        var index = 0
        while index < units.count {
            let unit = units[index]
            if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
                let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
                if let character = Unicode.Scalar(scalar) { result += Array(String(character).utf8) }
                index += 2
            } else if let scalar = Unicode.Scalar(unit) {
                result += Array(String(scalar).utf8)
                index += 1
            } else {
                let hex = String(unit, radix: 16, uppercase: true)
                result += Array(("_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_").utf8)
                index += 1
            }
        }
        units.removeAll(keepingCapacity: true)
    }
}
