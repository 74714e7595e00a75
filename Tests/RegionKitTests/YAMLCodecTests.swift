import RegionKitFormats
import Testing

@Suite struct YAMLCodecTests {
    /// Texts that YAML 1.1 readers (PyYAML, ruamel) would take for something else are written quoted.
    @Test(arguments: ["=", "<<", "yes", "No", "null", "~", "2019", "-1", ".5", "+x"])
    func textsOtherReadersMisreadAreQuoted(_ note: String) throws {
        var dataset = Dataset()
        dataset[.indicators] = [Record(["id": .text("a"), "note": .text(note)])]
        let text = try DatasetYAMLText.of(dataset)
        #expect(text.contains("  note: \"\(note)\"\n") || text.contains("  note: '\(note)'\n"), "\(text)")
    }

    @Test func ordinaryTextsStayPlain() throws {
        var dataset = Dataset()
        dataset[.indicators] = [Record(["id": .text("a"), "note": .text("about 24,000 students")])]
        #expect(try DatasetYAMLText.of(dataset).contains("  note: about 24,000 students\n"))
    }
}
