/// Whether a number written as decimal text is the number a dataset holds for it.
///
/// A number is a double: it keeps 15 to 17 significant digits, and a decimal with more (`9007199254740993`,
/// `0.10000000000000001`) or past its range (`1e-400`) is read as the nearest double, which `Value.format` then
/// writes differently. Comparing decimal values, not texts, lets `1.50`, `1.5e0` and `0.1` through: each says
/// exactly what is written back.
public enum NumberPrecision {
    /// The number `text` is read as when it is not the number the text says, else nil. `text` is a decimal literal
    /// as `FieldSpec.parseNumber` takes it (a `.` decimal mark) and `number` what it reads as.
    public static func loss(in text: String, readAs number: Double) -> Double? {
        // A decimal of at most 15 significant digits in the normal range is held exactly (DBL_DIG): the common case,
        // told by counting digits, without comparing decimal values.
        let digits = significantDigits(text)
        if number == 0 ? digits == 0 : (1e-300...1e300).contains(abs(number)) && digits <= 15 { return nil }
        guard let held = Decimal(Value.format(number)) else { return nil }
        // A literal that reads as a finite number but not as a decimal here has an exponent past any Int: it
        // reads as 0 (`1e-99999999999999999999`), which it is not.
        guard let written = Decimal(text) else { return number }
        return written == held ? nil : number
    }

    /// The digits of a decimal literal from its first non-zero digit on, trailing zeros included (so never fewer
    /// than its significant digits); the exponent's digits do not count.
    static func significantDigits(_ text: String) -> Int {
        var count = 0
        var started = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { break }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { continue }
            if byte != UInt8(ascii: "0") { started = true }
            if started { count += 1 }
        }
        return count
    }

    /// The message of a `schema.precision` finding: `value: 9007199254740993 cannot be held exactly …`.
    public static func message(field: String, text: String, readAs number: Double) -> String {
        "\(field): \(text) cannot be held exactly (a number keeps 15 to 17 significant digits); it is read as \(Value.format(number))"
    }

    /// The hint of a `schema.precision` finding.
    public static func hint(readAs number: Double) -> String {
        "write \(Value.format(number)), the number the dataset holds; a figure whose every digit matters belongs in a text field"
    }

    /// A decimal value as sign, significant digits and exponent: `0.d1d2d3… × 10^exponent`, without leading or
    /// trailing zeros, so that equal values are equal whatever their spelling. Zero has no digits and no sign.
    private struct Decimal: Equatable {
        var negative = false
        var digits: ArraySlice<UInt8> = []
        var exponent = 0

        /// Reads `[+-]digits[.digits][(e|E)[+-]digits]`; nil for anything else, or an exponent too long to hold.
        init?(_ text: String) {
            var bytes = Array(text.utf8)[...]
            var negative = false
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                negative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            var mantissa: [UInt8] = []
            var pointAt: Int?
            while let byte = bytes.first, byte != UInt8(ascii: "e") && byte != UInt8(ascii: "E") {
                bytes = bytes.dropFirst()
                if byte == UInt8(ascii: "."), pointAt == nil {
                    pointAt = mantissa.count
                } else if (48...57).contains(byte) {
                    mantissa.append(byte - 48)
                } else {
                    return nil
                }
            }
            guard !mantissa.isEmpty else { return nil }
            guard let leading = mantissa.firstIndex(where: { $0 != 0 }), let last = mantissa.lastIndex(where: { $0 != 0 })
            else { return }  // zero, whatever its sign and exponent
            var power = 0
            if !bytes.isEmpty {
                guard let value = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)) else { return nil }
                power = value
            }
            let (exponent, overflow) = power.addingReportingOverflow((pointAt ?? mantissa.count) - leading)
            guard !overflow else { return nil }
            self.negative = negative
            self.digits = mantissa[leading...last]
            self.exponent = exponent
        }
    }
}
