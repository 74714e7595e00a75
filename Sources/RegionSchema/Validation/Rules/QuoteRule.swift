/// Checks that every quote stands verbatim in its source's text; runs of white space may differ, nothing else.
public struct QuoteRule: DatasetRule {
    public static let name = "source.quote"
    public static let summary = "Every quote is found verbatim in the text of its source (white space runs aside)."

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        let texts = context.sourceTexts.mapValues(QuoteRule.collapsingWhitespace)
        var findings: [Finding] = []
        var unchecked: Set<String> = []
        // Large datasets repeat quotes; each distinct (source, quote) is searched once.
        var found: [String: [String: Bool]] = [:]
        dataset.forEachRow { spec, index, record in
            guard let quote = record["quote"]?.text, let source = record["source"]?.text, !quote.isEmpty else { return }
            guard let text = texts[source] else {
                if dataset[.sources].contains(where: { $0.id == source }) { unchecked.insert(source) }
                return
            }
            let isFound: Bool
            if let known = found[source]?[quote] {
                isFound = known
            } else {
                isFound = text.contains(QuoteRule.collapsingWhitespace(quote))
                found[source, default: [:]][quote] = isFound
            }
            if !isFound {
                let wanted = QuoteRule.collapsingWhitespace(quote)
                findings.append(
                    Finding(
                        code: Self.name,
                        message: "quote: not found verbatim in the text of source '\(source)'",
                        location: context.location(of: "quote", in: record, table: spec.id, index: index),
                        hint: QuoteRule.hint(for: wanted, in: text)))
            }
        }
        for source in unchecked.sorted() {
            findings.append(
                Finding(
                    code: "source.text-missing", severity: .warning,
                    message: "source '\(source)' has no readable text file; its quotes were not checked",
                    location: context.file.map { Location(file: $0) },
                    hint: "set the source's 'text' field to a plain-text copy of it"))
        }
        return findings
    }

    /// The text with every run of white space replaced by one space, and trimmed.
    public static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// Says how far the quote matches, so the first differing word is easy to find.
    static func hint(for quote: String, in text: String) -> String {
        let words = quote.split(separator: " ")
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high + 1) / 2
            if text.contains(words[0..<middle].joined(separator: " ")) { low = middle } else { high = middle - 1 }
        }
        if low == 0 { return "not even the first word '\(words.first ?? "")' is found; check the source id" }
        return "the source has '\(words[0..<low].joined(separator: " "))' but then differs at '\(words[low])'"
    }
}
