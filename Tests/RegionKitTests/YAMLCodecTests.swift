import Foundation
import RegionKitFormats
import TestSupport
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

    /// Numbers a double holds only in exponent form, or barely, are written so that RegionKit and PyYAML (a YAML 1.1
    /// reader, which takes `1e+21` for text) read back exactly the number written.
    @Test func edgeNumbersReadBackExactlyHereAndInPyYAML() throws {
        let numbers: [(Double, String)] = [
            (1e21, "1.0e+21"), (1e-7, "1.0e-07"), (-0.5, "-0.5"), (0.1, "0.1"), (123_456_789_012_345_678, "1.2345678901234568e+17"),
            (9_007_199_254_740_993, "9007199254740992"), (5e-324, "5.0e-324"), (-0.0, "0"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ]
        var dataset = Dataset()
        dataset[.indicators] = numbers.enumerated().map { index, number in
            Record(["id": .text("n\(index)"), "value": .number(number.0)])
        }
        let text = try DatasetYAMLText.of(dataset)
        for (_, written) in numbers { #expect(text.contains("  value: \(written)\n"), "\(written) in \(text)") }
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/numbers.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try DatasetLoader().load(path)
        #expect(loaded.dataset[.indicators].map { $0["value"] } == numbers.map { .number($0.0) })
        #expect(!loaded.findings.contains { $0.code == "schema.precision" || $0.code == "schema.type" }, "\(loaded.findings)")

        let script = """
            import sys, yaml
            for row in yaml.safe_load(open(sys.argv[1]))["indicators"]:
                print(type(row["value"]).__name__, repr(row["value"]))
            """
        let run = try ProgramRun.tool("python3", ["-c", script, path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == numbers.count)
        for (line, number) in zip(lines, numbers) {
            let parts = line.split(separator: " ")
            #expect(parts.first == "float" || parts.first == "int", "PyYAML reads \(number.1) as \(line)")
            #expect(parts.last.flatMap { Double(String($0)) } == number.0, "PyYAML reads \(number.1) as \(line)")
        }
    }

    /// A number written with more digits than a double holds is read as the nearest double, with a warning that
    /// names what it is read as, where it stands.
    @Test func aNumberADoubleCannotHoldIsAWarningNamingWhatItIsReadAs() throws {
        let folder = try Repository.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/precise.yaml"
        let text = """
            regionkit: "1"
            indicators:
            - id: a
              value: 9007199254740993
            - id: b
              value: 0.1
            - id: c
              value: 1.50
            - id: d
              value: 123456789012345678

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try DatasetLoader().load(path)
        let precision = loaded.findings.filter { $0.code == "schema.precision" }
        #expect(precision.map(\.severity) == [.warning, .warning])
        #expect(precision.map(\.location) == [Location(file: path, line: 4, column: 10), Location(file: path, line: 10, column: 10)])
        #expect(
            precision.first?.message
                == "value: 9007199254740993 cannot be held exactly (a number keeps 15 to 17 significant digits); it is read as 9007199254740992"
        )
        #expect(
            precision.last?.message
                == "value: 123456789012345678 cannot be held exactly (a number keeps 15 to 17 significant digits); it is read as 1.2345678901234568e+17"
        )
        #expect(precision.first?.hint?.hasPrefix("write 9007199254740992, the number the dataset holds") == true)
        #expect(loaded.dataset[.indicators].first?["value"] == .number(9_007_199_254_740_992))
    }
}
