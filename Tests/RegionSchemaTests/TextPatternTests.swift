import Foundation
import Testing

@testable import RegionSchema

@Suite struct TextPatternTests {
    static let samples = [
        "KAZ", "KZ", "kaz", "KAZA", "K1Z", "", "uzb-csto-1999", "uzb--csto", "-uzb", "uzb-", "Uzb", "a", "a_b", "a-b",
        "students_in_russia", "1abc", "_x", "https://example.org/a", "http://x", "ftp://x", "https://", "https://a b",
        "ÄÖÜ", "кир", "uzb csto",
    ]
    static let patterns: [TextPattern] = [.alpha3, .alpha2, .slug, .key, .url]

    /// The hand-written matchers must agree with the regular expressions that JSON Schema and Frictionless use.
    @Test(arguments: patterns)
    func matcherAgreesWithItsRegularExpression(_ pattern: TextPattern) throws {
        let regex = try NSRegularExpression(pattern: pattern.regex)
        for sample in Self.samples + [pattern.example] {
            let range = NSRange(sample.startIndex..., in: sample)
            let regexMatches = regex.firstMatch(in: sample, range: range) != nil
            #expect(pattern.matches(sample) == regexMatches, "\(pattern.name) on '\(sample)'")
        }
        #expect(pattern.matches(pattern.example))
    }
}
