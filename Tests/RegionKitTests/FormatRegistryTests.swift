import Foundation
import RegionKitFormats
import TestSupport
import Testing

@Suite struct FormatRegistryTests {
    /// Every module under Sources/Formats is a built-in format the registry lists (folder name = format id, any case).
    @Test func everyFormatModuleIsRegistered() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Sources/Formats")).sorted()
        #expect(!folders.isEmpty)
        let ids = Set(FormatRegistry.builtIn.ids)
        for folder in folders {
            #expect(ids.contains(folder.lowercased()), "Sources/Formats/\(folder) is not listed in FormatRegistry.builtIn")
        }
    }

    @Test func idsAreUniqueAndLowercase() {
        let ids = FormatRegistry.builtIn.ids
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0 == $0.lowercased() && !$0.isEmpty })
    }

    @Test func theFirstFormatWithAnIdWins() {
        var registry = FormatRegistry([YAMLFormat()])
        let added = registry.register(YAMLFormat())
        #expect(!added)
        #expect(registry.ids == ["yaml"])
    }
}

@Suite struct FormatOptionTests {
    struct Fake: DatasetFormat {
        var descriptor: FormatDescriptor {
            FormatDescriptor(
                id: "fake", name: "Fake", summary: "", fileExtensions: [], capabilities: [.export],
                options: [
                    FormatOption(key: "dialect", summary: "", values: ["rfc4180", "excel"], defaultValue: "rfc4180"),
                    FormatOption(key: "title", summary: ""),
                ])
        }
    }

    @Test func everyProblemIsReported() {
        let problems = FormatOption.problems(in: ["dialect": "tsv", "colour": "red", "title": "anything"], declaredBy: [Fake()])
        #expect(
            problems == [
                "unknown option 'colour'; known: dialect, title",
                "option 'dialect' does not take 'tsv'; it takes excel, rfc4180",
            ])
        #expect(FormatOption.problems(in: ["dialect": "excel"], declaredBy: [Fake()]) == [])
        #expect(FormatOption.problems(in: ["x": "1"], declaredBy: []) == ["unknown option 'x'; these formats take no options"])
    }
}
