import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// `ImportJob` with `apply`: only the lines of the rows the import changes are rewritten; comments, blank lines
/// and hand formatting elsewhere stay byte for byte.
@Suite struct SurgicalApplyTests {
    let folder: String
    let datasetPath: String
    let canonical: String

    init() throws {
        folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        datasetPath = folder + "/central-asia/dataset.yaml"
        canonical = try String(contentsOfFile: datasetPath, encoding: .utf8)
    }

    /// The canonical dataset as a team keeps it by hand: a comment at the top, a blank line and a comment before
    /// Kyrgyzstan's row, a value quoted by hand in Kazakhstan's, and a comment at the end.
    func annotated() throws -> String {
        try Self.replacing(
            [
                ("regionkit: \"1\"\n", "# Reviewed by the team on 2026-11-30.\nregionkit: \"1\"\n"),
                ("  name: Kazakhstan\n", "  name: 'Kazakhstan'\n"),
                ("- id: KGZ\n", "\n# Kyrgyzstan's row was checked against the article.\n- id: KGZ\n"),
            ], in: canonical) + "# End of the dataset.\n"
    }

    static func replacing(_ changes: [(String, String)], in text: String) throws -> String {
        var text = text
        for (old, new) in changes {
            let range = try #require(text.range(of: old), "'\(old)' is not in the text")
            text.replaceSubrange(range, with: new)
        }
        return text
    }

    /// Writes `dataset` as the canonical file and `edited` as a YAML file, and imports the latter with `--apply`.
    func apply(_ edited: String, to dataset: String, allowDeletions: Bool = false) throws -> ImportJob.Outcome {
        try dataset.write(toFile: datasetPath, atomically: true, encoding: .utf8)
        let editedPath = folder + "/central-asia/edited.yaml"
        try edited.write(toFile: editedPath, atomically: true, encoding: .utf8)
        let job = ImportJob(registry: .builtIn, datasetPath: datasetPath, options: .init(apply: true, allowDeletions: allowDeletions))
        let outcome = try job.run(editedPath)
        #expect(outcome.applied, "\(outcome.findings)")
        return outcome
    }

    func written() throws -> String { try String(contentsOfFile: datasetPath, encoding: .utf8) }

    /// The lines only `old` has and the lines only `new` has, each in order (a longest common subsequence of lines).
    static func lineDiff(_ old: String, _ new: String) -> (removed: [String], added: [String]) {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var common = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var removed: [String] = []
        var added: [String] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                i += 1
                j += 1
            } else if j < b.count && (i == a.count || common[i][j + 1] >= common[i + 1][j]) {
                added.append(b[j])
                j += 1
            } else {
                removed.append(a[i])
                i += 1
            }
        }
        return (removed, added)
    }

    @Test func aChangedNameRewritesOnlyItsLine() throws {
        let dataset = try annotated()
        let edited = try Self.replacing([("  name: Kyrgyzstan\n", "  name: Kyrgyz Republic\n")], in: dataset)
        let outcome = try apply(edited, to: dataset)
        #expect(outcome.changes.changes.map(\.id) == ["KGZ"])
        let diff = Self.lineDiff(dataset, try written())
        #expect(diff.removed == ["  name: Kyrgyzstan"])
        #expect(diff.added == ["  name: Kyrgyz Republic"])
        #expect(try written() == edited)
        #expect(!outcome.findings.contains { $0.code == "import.rewritten" })
    }

    @Test func aChangedListRewritesOnlyItsItems() throws {
        let dataset = try annotated()
        let edited = try Self.replacing([("  - oil and gas\n  - hydropower\n", "  - hydropower\n")], in: dataset)
        _ = try apply(edited, to: dataset)
        let diff = Self.lineDiff(dataset, try written())
        #expect(diff.removed == ["  - oil and gas"])
        #expect(diff.added == [])
    }

    /// An added row goes after the last row of its table, before the comment that ends the file.
    @Test func anAddedRowIsWrittenAfterTheLastRowOfItsTable() throws {
        let dataset = try annotated()
        let row = """
            - id: kant-air-base
              name: Kant air base
              host: KGZ
              operator: RUS
              source: ispi-2019-gusev
              quote: "the construction of military bases in Kyrgyzstan"

            """
        // The file has the row in hand formatting; the dataset gets it in canonical form.
        let edited =
            dataset + "- {id: kant-air-base, name: 'Kant air base', host: KGZ, operator: RUS, source: ispi-2019-gusev,\n"
            + "   quote: 'the construction of military bases in Kyrgyzstan'}\n"
        let outcome = try apply(edited, to: dataset)
        #expect(outcome.changes.changes.map(\.id) == ["kant-air-base"])
        #expect(try written() == dataset.replacingOccurrences(of: "# End of the dataset.\n", with: row + "# End of the dataset.\n"))
        let diff = Self.lineDiff(dataset, try written())
        #expect(diff.removed == [])
        #expect(diff.added == row.split(separator: "\n").map(String.init))
    }

    @Test func aRemovedRowTakesOnlyItsLines() throws {
        let dataset = try annotated()
        let row = """
            - id: rus-bases-kgz
              name: Russian military bases in Kyrgyzstan
              host: KGZ
              operator: RUS
              source: ispi-2019-gusev
              quote: "the construction of military bases in Kyrgyzstan and Tajikistan"

            """
        let edited = try Self.replacing([(row, "")], in: dataset)
        let outcome = try apply(edited, to: dataset, allowDeletions: true)
        #expect(outcome.changes.changes.map(\.kind) == [.removed])
        #expect(try written() == edited)
        let diff = Self.lineDiff(dataset, try written())
        #expect(diff.removed == row.split(separator: "\n").map(String.init))
        #expect(diff.added == [])
    }

    /// Rows indented under their table's key keep that indentation when one of them is rewritten.
    @Test func indentedRowsStayIndented() throws {
        let indented =
            canonical.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.hasPrefix("-") || line.hasPrefix(" ") ? "  " + line : String(line) }
            .joined(separator: "\n")
        #expect(indented != canonical)
        let edited = try Self.replacing([("    name: Kyrgyzstan\n", "    name: Kyrgyz Republic\n")], in: indented)
        _ = try apply(edited, to: indented)
        #expect(try written() == edited)
    }

    /// A table whose rows are all removed is written `table: []`; the comment after it stays.
    @Test func aTableLeftWithoutRowsIsWrittenEmpty() throws {
        let dataset = try annotated()
        let start = try #require(dataset.range(of: "bases:\n"))
        let end = try #require(dataset.range(of: "# End of the dataset.\n"))
        let edited = dataset.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "bases: []\n")
        let outcome = try apply(edited, to: dataset, allowDeletions: true)
        #expect(outcome.changes.summary == "0 added, 2 removed, 0 changed")
        #expect(try written() == edited)
    }

    /// On a file in canonical form, an apply writes exactly the merged dataset's canonical text, whatever it changes:
    /// rows rewritten one by one are the bytes the whole writer gives them.
    @Test func onACanonicalFileTheResultIsTheCanonicalText() throws {
        let edited = try Self.replacing(
            [
                ("  name: Kyrgyzstan\n", "  name: \"Kyrgyz Republic\"\n"),
                ("  - oil and gas\n", "  - 'oil and gas'\n  - atomic energy\n"),
                (
                    "- id: rus-ca-joint-economic-projects\n",
                    "- id: rus-ca-eaeu-support\n  partner: RUS\n  areas: [integration]\n  summary: Support for the EAEU.\n"
                        + "  source: ispi-2019-gusev\n  quote: \"The third is strengthening the integration institutions\"\n"
                        + "- id: rus-ca-joint-economic-projects\n"
                ),
                ("  name: \"201st Russian military base\"\n", "  name: The 201st Russian military base\n"),
            ], in: canonical)
        let removed = try #require(edited.range(of: "- id: rus-bases-kgz\n"))
        let next = try #require(edited.range(of: "- id: ", range: removed.upperBound..<edited.endIndex))
        var withoutRow = edited
        withoutRow.removeSubrange(removed.lowerBound..<next.lowerBound)
        let outcome = try apply(withoutRow, to: canonical, allowDeletions: true)
        #expect(outcome.changes.summary == "1 added, 1 removed, 3 changed", "\(outcome.changes.rendered())")
        let merged = try DatasetLoader().load(datasetPath)
        #expect(merged.isValid, "\(merged.findings)")
        #expect(try written() == (try DatasetYAMLText.of(merged.dataset)))
        #expect(!outcome.findings.contains { $0.code == "import.rewritten" })
    }

    /// A table the file lacks (it is empty) is written in its place in the schema's order.
    @Test func aTableTheFileLacksIsWrittenInSchemaOrder() throws {
        let dataset = try annotated()
        let start = try #require(dataset.range(of: "bases:\n"))
        let withoutBases = String(dataset[..<start.lowerBound])
        let edited = dataset.replacingOccurrences(of: "rus-bases-kgz", with: "rus-bases-kyrgyzstan")
        let outcome = try apply(edited, to: withoutBases)
        #expect(outcome.changes.summary == "2 added, 0 removed, 0 changed")
        let text = try written()
        #expect(text.hasPrefix(withoutBases))
        #expect(try DatasetLoader().load(datasetPath).dataset == (try DatasetLoader().load(folder + "/central-asia/edited.yaml").dataset))
        #expect(Self.lineDiff(withoutBases, text).removed == [])
    }

    /// A file whose rows are not each on lines of their own is written whole, in canonical form, with a note.
    @Test func aFileThatCannotBeSplicedIsWrittenWholeWithANote() throws {
        let dataset = try Self.replacing([("- id: KAZ\n", "-\n  id: KAZ\n")], in: try annotated())
        let edited = try Self.replacing([("  name: Kyrgyzstan\n", "  name: Kyrgyz Republic\n")], in: dataset)
        let outcome = try apply(edited, to: dataset)
        let note = try #require(outcome.findings.first { $0.code == "import.rewritten" })
        #expect(note.severity == .note)
        #expect(note.location?.file == datasetPath)
        #expect(try written() == (try DatasetYAMLText.of(try DatasetLoader().load(datasetPath).dataset)))
        #expect(try written().contains("name: Kyrgyz Republic\n"))
        #expect(!(try written()).contains("# Reviewed"))
    }

    /// The safety net: a spliced text that would not read back as the merged dataset (here the new table would stand
    /// outside the root mapping, which this file indents) is never written; the whole canonical text is.
    @Test func aSpliceThatWouldNotReadBackIsNotWritten() throws {
        let dataset = try annotated()
        let start = try #require(dataset.range(of: "bases:\n"))
        let indented = dataset[..<start.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        let outcome = try apply(dataset, to: indented)
        let note = try #require(outcome.findings.first { $0.code == "import.rewritten" })
        #expect(note.message.contains("does not read back as the merged dataset"), "\(note.message)")
        let written = try DatasetLoader().load(datasetPath)
        #expect(written.isValid)
        #expect(try self.written() == (try DatasetYAMLText.of(written.dataset)))
        #expect(written.dataset[.bases].count == 2)
    }
}
