import Foundation
import PropertySupport
import RegionKitFormats
import TestSupport
import Testing

/// The generator makes valid datasets that cover every field with awkward values, the same for the same seed; the
/// runner shrinks a failure to a small case and says how to replay it.
@Suite struct GeneratorTests {
    static let seeds = PropertySettings(seed: PropertySettings.standardSeed, cases: 60).caseSeeds

    @Test func everyCaseIsValid() throws {
        for seed in Self.seeds.prefix(30) {
            let generated = DatasetCaseGenerator().generate(seed: seed)
            #expect(try generated.errors() == [], "seed \(seed):\n\(generated.yaml)")
        }
    }

    @Test func everyFieldOfEveryTableGetsValues() {
        var filled: Set<String> = []
        for seed in Self.seeds {
            let dataset = DatasetCaseGenerator().generate(seed: seed).dataset
            for table in TableID.allCases {
                #expect(!dataset[table].isEmpty, "seed \(seed): no \(table)")
                for record in dataset[table] { filled.formUnion(record.values.keys.map { "\(table).\($0)" }) }
            }
        }
        let all = DatasetSchema.tables.flatMap { spec in spec.fields.map { "\(spec.id).\($0.key)" } }
        #expect(Set(all).subtracting(filled).sorted() == [])
    }

    @Test func textsAreAwkward() {
        var texts: [String] = []
        var numbers: [Double] = []
        var precisions: Set<Int> = []
        for seed in Self.seeds {
            let dataset = DatasetCaseGenerator().generate(seed: seed).dataset
            for table in TableID.allCases {
                for record in dataset[table] {
                    for value in record.values.values {
                        switch value {
                        case .text(let text): texts.append(text)
                        case .list(let items): texts += items
                        case .number(let number): numbers.append(number)
                        case .date(let date): precisions.insert(date.precision.rawValue)
                        }
                    }
                }
            }
        }
        for needle in ["\n", "\t", ";", ",", "\"", "'", "\\", "“", "«", "_x0041_", "👨‍👩‍👧‍👦", "\u{301}", "Қ"] {
            #expect(texts.contains { $0.contains(needle) }, "no text holds \(PropertyText.quoted(needle))")
        }
        for start in ["=", "+", "-", "@"] {
            #expect(texts.contains { $0.hasPrefix(start) }, "no text starts with \(start)")
        }
        for whole in ["yes", "null", "~", ".inf", "007", "1e5", "2019-10-03"] {
            #expect(texts.contains(whole), "no text is \(whole)")
        }
        #expect(!texts.contains { $0.contains("\r") })
        #expect(texts.contains { $0.unicodeScalars.count == 400 }, "no text at a maximum length of 400")
        // A text's length is its code points: an emoji or combining-mark text at the maximum has fewer characters.
        #expect(texts.contains { $0.unicodeScalars.count == 400 && $0.count < 400 }, "no long emoji text")
        for number in [0.1, 1e-7, 1e21, -0.5] { #expect(numbers.contains(number)) }
        #expect(numbers.contains { $0 == $0.rounded() && abs($0) >= 1e14 && abs($0) < 1e15 }, "no 15-digit integer")
        #expect(precisions == [0, 1, 2])
    }

    @Test func aSeedGivesTheSameDatasetEveryTime() {
        for seed in Self.seeds.prefix(10) {
            #expect(DatasetCaseGenerator().generate(seed: seed).dataset == DatasetCaseGenerator().generate(seed: seed).dataset)
        }
        #expect(DatasetCaseGenerator().generate(seed: 1).dataset != DatasetCaseGenerator().generate(seed: 2).dataset)
    }

    /// A property that fails whenever a text holds `;` shrinks to one row holding a short text with `;`, and its
    /// report gives the seed, the shrunk YAML and where to keep the seed.
    @Test func aFailureShrinksToASmallCaseAndTellsHowToReplayIt() throws {
        let seed = try #require(
            Self.seeds.first { seed in
                DatasetCaseGenerator().generate(seed: seed).dataset[.bases].contains { $0["name"]?.text?.contains(";") == true }
            })
        let runner = PropertyRunner(name: "no semicolons", filter: "GeneratorTests")
        let reports = try runner.check([seed]) { batch in
            batch.map { generated in
                generated.dataset[.bases].contains { $0["name"]?.text?.contains(";") == true } ? "a base's name holds ';'" : nil
            }
        }
        let report = try #require(reports.first)
        #expect(reports.count == 1)
        #expect(report.contains("no semicolons fails for seed \(seed)"))
        #expect(report.contains("REGIONKIT_PROPERTY_SEED=\(seed) REGIONKIT_PROPERTY_CASES=1"))
        #expect(report.contains(PropertySettings.regressionFile))
        let tail = try #require(report.components(separatedBy: "the shrunk dataset:\n").last)
        let yaml = try #require(tail.components(separatedBy: "\nReplay it").first)
        let shrunk = try DatasetLoader().load(bytes: Array(yaml.utf8), path: "shrunk.yaml").dataset
        #expect(shrunk[.bases].count == 1)
        let name = try #require(shrunk[.bases].first?["name"]?.text)
        #expect(name.contains(";") && name.count <= 3, "\(report)")
        #expect(shrunk.rowCount <= 4, "\(yaml)")
    }
}
