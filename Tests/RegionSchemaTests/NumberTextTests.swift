import Testing

@testable import RegionSchema

/// How numbers are written as text, and which decimal texts a number holds exactly.
@Suite struct NumberTextTests {
    /// Every number is written in the shortest text that reads back as exactly that number, with a decimal point
    /// before any exponent (YAML 1.1 readers take `1e+21` for text), and never in a locale's form.
    @Test(arguments: [
        (1e21, "1.0e+21"), (1e-7, "1.0e-07"), (-0.5, "-0.5"), (0.1, "0.1"), (123_456_789_012_345_678, "1.2345678901234568e+17"),
        (9_007_199_254_740_993, "9007199254740992"), (1e15, "1000000000000000"), (1_234_567_890_123_456, "1234567890123456"),
        (1e16, "1.0e+16"), (-12_000_000_000, "-12000000000"), (0.000001, "1.0e-06"), (0.0001, "0.0001"), (-0.0, "0"),
        (0, "0"), (5e-324, "5.0e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (71.427774, "71.427774"),
        (0.1 + 0.2, "0.30000000000000004"), (2.5e-8, "2.5e-08"),
    ])
    func formatReadsBackExactly(_ number: Double, _ text: String) {
        #expect(Value.format(number) == text)
        #expect(FieldSpec.parseNumber(text) == number)
        #expect(NumberPrecision.loss(in: text, readAs: number) == nil)
    }

    /// A decimal the number it reads as cannot hold is reported with that number; other spellings of the same
    /// number are not.
    @Test func decimalsANumberCannotHoldAreFound() throws {
        let lossy: [(String, Double)] = [
            ("9007199254740993", 9_007_199_254_740_992), ("123456789012345678", 123_456_789_012_345_680),
            ("0.10000000000000001", 0.1), ("1e-400", 0), ("-1.00000000000000000001", -1), ("1e-99999999999999999999", 0),
        ]
        for (text, held) in lossy {
            let number = try #require(FieldSpec.parseNumber(text), "\(text)")
            #expect(number == held, "\(text)")
            #expect(NumberPrecision.loss(in: text, readAs: number) == held, "\(text)")
        }
        for text in ["1.50", "+1.5", "1.5e0", "15E-1", "0.15e+1", "0001.5000", "-0", "0.0e5", "1e21", "100", "1e2", "0.1", "-0.5"] {
            let number = try #require(FieldSpec.parseNumber(text), "\(text)")
            #expect(NumberPrecision.loss(in: text, readAs: number) == nil, "\(text)")
        }
        #expect(
            NumberPrecision.message(field: "value", text: "9007199254740993", readAs: 9_007_199_254_740_992)
                == "value: 9007199254740993 cannot be held exactly (a number keeps 15 to 17 significant digits); it is read as 9007199254740992"
        )
    }
}
