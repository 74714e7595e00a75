import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// Data that tries to become markup or a formula: every export stays well-formed, no workbook cell is a formula,
/// and every value reads back exactly, through RegionKit and through independent readers (Python's expat,
/// python-calamine, Foundation's JSON reader). Characters XML cannot carry are refused when the dataset is validated.
@Suite struct HostileTextTests {
    static let countryName = "Kazakhstan <&\"]]>' \ttab \n_x0041_ end"
    static let sourceTitle = "The Importance <of> & \"Central Asia\" ]]> for Russia’s Foreign Policy"
    static let summaries = [
        "=HYPERLINK(\"http://example.org\",\"x\")", "+7 495 000", "-1+2", "@SUM(A1:A2)", "=1+1\n=2+2",
        "<![CDATA[x]]> &amp; _x005F_ \t\n end",
    ]
    /// The dataset's name comes from its folder: it lands in file names, the workbook's properties and the KML title.
    static let datasetName = "hostile <&\"]]>"

    /// A valid dataset holding every hostile value, in a folder named `datasetName`; returns its path.
    static func hostileDataset() throws -> String {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        var hostile = try DatasetLoader().load(dataset).dataset
        let kaz = try #require(hostile[.countries].firstIndex { $0.id == "KAZ" })
        hostile[.countries][kaz]["name"] = .text(countryName)
        hostile[.sources][0]["title"] = .text(sourceTitle)
        for (index, summary) in summaries.enumerated() {
            hostile[.cooperation][index]["summary"] = .text(summary)
        }
        let named = folder + "/" + datasetName
        try FileManager.default.moveItem(atPath: folder + "/central-asia", toPath: named)
        try DatasetYAMLText.of(hostile).write(toFile: named + "/dataset.yaml", atomically: true, encoding: .utf8)
        return named + "/dataset.yaml"
    }

    @Test func everyExportIsWellFormedAndReadsBackExactly() throws {
        let dataset = try Self.hostileDataset()
        let validation = try RegionKitBinary.run(["validate", dataset])
        #expect(validation.status == 0, "\(validation.stdout)")
        let output = try Repository.temporaryFolder()
        try WriteSandbox.regionkit(["export", "--dataset", dataset, "--output", output, "--plugin-path", "Examples/plugins", "--quiet"])
        let name = Self.datasetName
        let workbook = output + "/xlsx/\(name).xlsx"
        let maps = ["eaeu-status", "csto-status"].map { output + "/map/\(name)-\($0).svg" }
        let kml = output + "/kml/\(name).kml"

        let run = try ProgramRun.tool("python3", [Repository.path("Tests/Tools/xml_texts.py"), workbook, kml] + maps)
        try #require(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [String: Any]])
        for (file, parts) in report {
            #expect((parts["errors"] as? [String: String]) == [:], "\(file) is not well-formed XML")
            #expect((parts["formulas"] as? [String]) == [], "\(file) has formula cells")
        }
        func texts(_ file: String) -> [String] {
            ((report[file]?["texts"] as? [String: [String]]) ?? [:]).values.flatMap { $0 }
        }
        let cells = (report[workbook]?["cells"] as? [String: [String]]) ?? [:]
        #expect(cells["Countries"]?.contains(Self.countryName) == true)
        #expect(cells["Sources"]?.contains(Self.sourceTitle) == true)
        for summary in Self.summaries {
            #expect(cells["Cooperation"]?.contains(summary) == true, "\(summary.debugDescription) in the workbook")
        }
        let properties = (report[workbook]?["texts"] as? [String: [String]])?["docProps/core.xml"] ?? []
        #expect(properties.contains("RegionKit dataset '\(name)'"))
        for map in maps {
            #expect(texts(map).contains(Self.countryName), "\(map)")
            #expect(texts(map).contains { $0.contains("“\(Self.sourceTitle)”") }, "\(map)")
        }
        #expect(texts(kml).contains(Self.countryName))
        #expect(texts(kml).contains("\(name): capitals"))

        let geojson = try Data(contentsOf: URL(fileURLWithPath: output + "/geojson/\(name)-countries.geojson"))
        let collection = try #require(try JSONSerialization.jsonObject(with: geojson) as? [String: Any])
        let features = try #require(collection["features"] as? [[String: Any]])
        let kaz = try #require(features.first { $0["id"] as? String == "KAZ" })
        #expect((kaz["properties"] as? [String: Any])?["name"] as? String == Self.countryName)

        for exported in [workbook, output + "/csv"] {
            let back = try RegionKitBinary.run(["import", exported, "--dataset", dataset])
            #expect(back.status == 0 && back.stdout.hasSuffix("no changes: the file matches the dataset\n"), "\(back.stdout)")
        }
    }

    /// In the `excel` CSV dialects a text that a spreadsheet would run is written with a leading `'`, and the
    /// import takes it off again.
    @Test func csvForSpreadsheetsGuardsFormulasAndReadsThemBack() throws {
        let dataset = try Self.hostileDataset()
        let output = try Repository.temporaryFolder()
        try WriteSandbox.regionkit([
            "export", "--format", "csv", "--option", "dialect=excel", "--dataset", dataset, "--output", output, "--quiet",
        ])
        let cooperation = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output + "/csv/cooperation.csv")), as: UTF8.self)
        for guarded in ["'=HYPERLINK(\"\"http", "'+7 495 000", "'-1+2", "'@SUM(A1:A2)"] {
            #expect(cooperation.contains(guarded), "\(guarded)")
        }
        let back = try RegionKitBinary.run(["import", output + "/csv", "--dataset", dataset])
        #expect(back.status == 0 && back.stdout.hasSuffix("no changes: the file matches the dataset\n"), "\(back.stdout)")
    }

    /// A control character XML cannot carry is refused when the dataset is validated, so it never reaches a
    /// format that would have to drop it; nothing is exported.
    @Test func controlCharactersAreRefusedAndNothingIsExported() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        var edited = try DatasetLoader().load(dataset).dataset
        edited[.cooperation][0]["summary"] = .text("before\u{1}after")
        try DatasetYAMLText.of(edited).write(toFile: dataset, atomically: true, encoding: .utf8)

        let validation = try RegionKitBinary.run(["validate", dataset])
        #expect(validation.status == 1)
        #expect(
            validation.stdout.contains(
                "error: summary: the text holds the control character U+0001 (character 7), which XML formats such as XLSX cannot carry [schema.character]"
            ), "\(validation.stdout)")
        let output = folder + "/out"
        let export = try RegionKitBinary.run(["export", "--dataset", dataset, "--output", output])
        #expect(export.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// The same character arriving through an edited CSV file is located in it, and the import writes nothing.
    @Test func controlCharactersInAnImportedFileAreLocatedAndNotApplied() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let output = folder + "/out"
        try WriteSandbox.regionkit(["export", "--format", "csv", "--dataset", dataset, "--output", output, "--quiet"])
        let table = output + "/csv/cooperation.csv"
        let text = try String(contentsOfFile: table, encoding: .utf8)
        try text.replacingOccurrences(of: "Russia cooperates with Kyrgyzstan", with: "Russia cooperates\u{7} with Kyrgyzstan")
            .write(toFile: table, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let run = try RegionKitBinary.run(["import", output + "/csv", "--dataset", dataset, "--apply"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(table):"), "\(run.stdout)")
        #expect(run.stdout.contains("the text holds the control character U+0007 (character 18)"), "\(run.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }
}
