import Foundation
import RegionKitFormats
import RegionYAML
import TestSupport
import Testing

/// The canonical Central Asia dataset: valid, canonical, and faithful to its source.
@Suite struct CanonicalDatasetTests {
    let loaded: LoadedDataset

    init() throws {
        loaded = try DatasetLoader().load(Repository.dataset)
    }

    @Test func isValidWithoutWarnings() {
        #expect(loaded.findings == [], "\(loaded.findings.map(\.description).joined(separator: "\n"))")
        #expect(loaded.sourceTexts.keys.sorted() == ["ispi-2019-gusev"])
    }

    @Test func holdsTheFiveStatesRussiaAndTheOutsideActors() {
        let roles = Dictionary(uniqueKeysWithValues: loaded.dataset.countryRows.map { ($0.id, $0.role) })
        for id in ["KAZ", "KGZ", "TJK", "TKM", "UZB"] { #expect(roles[id] == "central asian state", "\(id)") }
        #expect(roles["RUS"] == "focal state")
        for id in ["CHN", "AFG", "USA"] { #expect(roles[id] == "outside actor", "\(id)") }
        let organizations = Set(loaded.dataset.organizationRows.map(\.id))
        #expect(organizations.isSuperset(of: ["csto", "eaeu", "eurasec", "c5-plus-1", "eu"]), "\(organizations.sorted())")
    }

    @Test func uzbekistanCSTOHistoryIsSeveralRows() throws {
        let rows = loaded.dataset.membershipRows.filter { $0.country == "UZB" && $0.organization == "csto" }
        let history = rows.map { "\($0.status) \($0.from?.description ?? "…")–\($0.to?.description ?? "")" }
        #expect(history.contains("withdrawn 1999–2005"), "\(history)")
        #expect(history.contains("member 2005–2012"), "\(history)")
        #expect(history.contains("withdrawn 2012–"), "\(history)")
    }

    /// Every quote is checked against the article by the quote rule; this checks it again with no collapsing but of
    /// whitespace, straight from the file, so a bug in the rule cannot hide a quote that is not verbatim.
    @Test func everyQuoteIsVerbatimInTheArticle() throws {
        let article = try String(contentsOfFile: Repository.article, encoding: .utf8)
        let text = collapse(article)
        var count = 0
        for table in TableID.allCases {
            for record in loaded.dataset[table] {
                guard let quote = record["quote"]?.text else { continue }
                count += 1
                #expect(text.contains(collapse(quote)), "\(table) \(record.id ?? "?"): \(quote)")
            }
        }
        #expect(count == loaded.dataset.rowCount - loaded.dataset[.sources].count)
    }

    /// Every sentence of the article body holds a quote of some row, or is listed in coverage.yaml as carrying no claim.
    @Test func everySentenceOfTheArticleIsCoveredOrExcused() throws {
        let article = try String(contentsOfFile: Repository.article, encoding: .utf8)
        let sentences = ArticleSentences.body(of: article)
        #expect(sentences.count > 40)
        let quotes = TableID.allCases.flatMap { loaded.dataset[$0].compactMap { $0["quote"]?.text } }.map(collapse)
        let coverage = try YAMLReader.parse(
            Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Fixtures/central-asia/coverage.yaml")))), file: "coverage.yaml"
        )
        let excused = Set(coverage?["excused"]?.sequenceItems?.compactMap { $0["sentence"]?.scalarValue } ?? [])
        for sentence in excused {
            #expect(sentences.contains(sentence), "coverage.yaml excuses a sentence the article does not have: \(sentence)")
        }
        for sentence in sentences {
            let covered = quotes.contains { sentence.contains($0) }
            #expect(covered != excused.contains(sentence), covered ? "excused but also covered: \(sentence)" : "no row quotes: \(sentence)")
        }
    }

    @Test func fileIsInCanonicalForm() throws {
        let text = try String(contentsOfFile: Repository.dataset, encoding: .utf8)
        #expect(try YAMLFormat.canonicalText(of: loaded.dataset) == text)
    }

    @Test func canonicalTextReadsBackEqual() throws {
        let text = try YAMLFormat.canonicalText(of: loaded.dataset)
        let again = try DatasetLoader().load(bytes: Array(text.utf8), path: Repository.dataset)
        #expect(again.dataset == loaded.dataset)
        #expect(again.findings == [])
    }

    func collapse(_ text: String) -> String { QuoteRule.collapsingWhitespace(text) }
}

/// Splits the article body into sentences: each line from "At present," to "due to increase over time." is a
/// paragraph, split after '.', '!' or '?' followed by spaces and an uppercase letter or an opening quote.
enum ArticleSentences {
    static func body(of article: String) -> [String] {
        let lines = article.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("At present,") }),
            let end = lines.firstIndex(where: { $0.contains("due to increase over time.") })
        else { return [] }
        return lines[start...end].flatMap { split(QuoteRule.collapsingWhitespace($0)) }
    }

    static func split(_ paragraph: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(paragraph)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            if ".!?".contains(character), index + 2 < characters.count, characters[index + 1] == " " {
                let next = characters[index + 2]
                if next.isUppercase || next == "\"" || next == "“" {
                    sentences.append(current)
                    current = ""
                    index += 2
                    continue
                }
            }
            index += 1
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }
}
