import Testing

@testable import FormatXLSX

/// Excel's `_xHHHH_` escapes: text that looks like one is protected on export, and every escape is decoded on import,
/// so that each text reads back as it was written.
@Suite struct ExcelEscapesTests {
    func decoded(_ text: String) -> String { ExcelEscapes.decoded(Array(text.utf8)) }

    @Test func escapesAreDecoded() {
        #expect(decoded("a_x000D_\nb") == "a\r\nb")
        #expect(decoded("_x0041__x0062_") == "Ab")
        #expect(decoded("_x005F_x0041_") == "_x0041_")
        #expect(decoded("_xD83D__xDE00_") == "😀")
        #expect(decoded("Кириллица _x0430_") == "Кириллица а")
    }

    @Test func whatIsNotAnEscapeStaysAsItIs() {
        for text in ["_x41_", "_x00G1_", "_X0041_", "_x0041", "x0041_", "__", "_x_", "plain", ""] {
            #expect(decoded(text) == text)
        }
        #expect(decoded("_xD83D_ alone") == "_xD83D_ alone")
        #expect(decoded("_xDE00_") == "_xDE00_")
    }

    @Test(arguments: [
        "_x0041_", "a_x005F_b", "_x000D__x000D_", "__x0041__", "_x0041_x0042_", "_xABCD_x0041__x0042_", "no escape", "_x12", "🙂 _xFFFF_",
    ])
    func protectedTextDecodesToItself(_ text: String) {
        let protected = ExcelEscapes.protectingLiteralEscapes(text)
        #expect(decoded(protected) == text)
    }

    /// Every short text over the characters escapes are made of decodes to itself once protected.
    @Test func protectionHoldsForManyTexts() {
        let alphabet = Array("_x0D5F4A ")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var protectedCount = 0
        for _ in 0..<20_000 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1
            for _ in 0..<Int(state >> 60) + 8 {
                state = state &* 6_364_136_223_846_793_005 &+ 1
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let protected = ExcelEscapes.protectingLiteralEscapes(text)
            if protected != text { protectedCount += 1 }
            if decoded(protected) != text { Issue.record("\(text.debugDescription) → \(protected.debugDescription)") }
        }
        #expect(protectedCount > 50, "too few of the texts look like escapes to test anything")
    }

    @Test func onlyTextThatLooksLikeAnEscapeChanges() {
        #expect(ExcelEscapes.protectingLiteralEscapes("a_x0041_b") == "a_x005F_x0041_b")
        #expect(ExcelEscapes.protectingLiteralEscapes("Nur-Sultan_2019") == "Nur-Sultan_2019")
    }
}
