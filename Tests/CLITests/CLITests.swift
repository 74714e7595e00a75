import Foundation
import TestSupport
import Testing

/// Golden tests: the exact output and exit status of `regionkit` commands.
@Suite struct CLITests {
    @Test func validatesTheCanonicalDatasetByDefault() throws {
        let run = try RegionKitBinary.run(["validate"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "Fixtures/central-asia/dataset.yaml: valid (102 rows in 9 tables)\n")
        #expect(run.stderr == "")
    }

    @Test func findsTheDatasetFromASubfolderAndThroughTheEnvironment() throws {
        let fromSubfolder = try RegionKitBinary.run(["validate"], in: Repository.path("Sources"))
        #expect(fromSubfolder.status == 0)
        #expect(fromSubfolder.stdout.hasSuffix("Fixtures/central-asia/dataset.yaml: valid (102 rows in 9 tables)\n"))
        let named = try RegionKitBinary.run(["validate"], environment: ["REGIONKIT_DATASET": "Fixtures/invalid/schema-enum.yaml"])
        #expect(named.status == 1)
    }

    @Test func invalidDatasetPrintsCompilerStyleFindingsAndExitsOne() throws {
        let run = try RegionKitBinary.run(["validate", "Fixtures/invalid/schema-enum.yaml"])
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                Fixtures/invalid/schema-enum.yaml:38:11: error: status: 'memeber' is not one of member, prospective, suspended, withdrawn, participant, party, observer [schema.enum]
                  hint: did you mean 'member'?
                Fixtures/invalid/schema-enum.yaml: invalid: 1 error

                """)
    }

    @Test func githubAnnotations() throws {
        let run = try RegionKitBinary.run(["validate", "--format", "github", "Fixtures/invalid/semantic-date-order.yaml"])
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                ::error file=Fixtures/invalid/semantic-date-order.yaml,line=40,col=7,title=dates.order::to: the period ends (2005) before it begins (2012) (swap 'from' and 'to'?)
                Fixtures/invalid/semantic-date-order.yaml: invalid: 1 error

                """)
    }

    @Test func jsonFindings() throws {
        let run = try RegionKitBinary.run(["validate", "--format", "json", "Fixtures/invalid/semantic-unknown-reference.yaml"])
        #expect(run.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(json?["valid"] as? Bool == false)
        let findings = json?["findings"] as? [[String: Any]] ?? []
        #expect(findings.count == 1)
        #expect(findings.first?["code"] as? String == "ref.unknown")
        #expect(findings.first?["line"] as? Int == 36)
        #expect(findings.first?["hint"] as? String == "did you mean 'UZB'?")
    }

    @Test func usageErrorsExit64() throws {
        let run = try RegionKitBinary.run(["validate", "--format", "xml"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--format"))
    }

    @Test func missingFileExitsTwo() throws {
        let run = try RegionKitBinary.run(["validate", "no/such/file.yaml"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: no/such/file.yaml: no such file\n")
    }

    @Test func malformedYAMLExitsTwoWithLocationAndCaret() throws {
        let folder = try Repository.temporaryFolder()
        try "regionkit: \"1\"\ncountries:\n- id: KAZ\n  name: [Kazakhstan\n".write(
            toFile: folder + "/bad.yaml", atomically: true, encoding: .utf8)
        let run = try RegionKitBinary.run(["validate", "bad.yaml"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("bad.yaml:5:1: error: "), "\(run.stderr)")
        #expect(run.stderr.hasSuffix("\n^\n"), "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func formatsListsTheRegistry() throws {
        let run = try RegionKitBinary.run(["formats"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("FORMAT") == true)
        #expect(lines.contains { $0.hasPrefix("yaml ") && $0.contains("export,import") })
    }

    @Test func exportIsDeterministicAndReadsBackEqual() throws {
        let first = try Repository.temporaryFolder()
        let second = try Repository.temporaryFolder()
        for folder in [first, second] {
            let run = try RegionKitBinary.run(["export", "--format", "yaml", "--output", folder])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == "wrote \(folder)/yaml/central-asia.yaml\n")
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: first + "/yaml/central-asia.yaml"))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: second + "/yaml/central-asia.yaml"))))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: Repository.dataset))))
    }

    @Test func exportOfAnInvalidDatasetWritesNothing() throws {
        let folder = try Repository.temporaryFolder()
        let run = try RegionKitBinary.run(["export", "--dataset", "Fixtures/invalid/schema-enum.yaml", "--output", folder])
        #expect(run.status == 1)
        #expect(run.stderr == "error: the dataset is invalid; nothing was written\n")
        #expect(Repository.files(under: folder) == [])
    }

    @Test func unknownFormatIsRefused() throws {
        let run = try RegionKitBinary.run(["export", "--format", "docx", "--output", try Repository.temporaryFolder()])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: unknown format 'docx'; formats that export: yaml"))
    }

    @Test func checkPassesOnTheCheckoutAndCatchesStaleExports() throws {
        let run = try RegionKitBinary.run(["check"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        let folder = try Repository.temporaryFolder()
        let schemas = folder + "/Schemas"
        let exports = folder + "/Exports"
        try FileManager.default.copyItem(atPath: Repository.path("Schemas"), toPath: schemas)
        try FileManager.default.copyItem(atPath: Repository.path("Exports"), toPath: exports)
        try "stale\n".write(toFile: exports + "/yaml/central-asia.yaml", atomically: true, encoding: .utf8)
        try "extra\n".write(toFile: exports + "/yaml/old.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: schemas + "/dataset.schema.json")
        let stale = try RegionKitBinary.run(["check", "--schemas", schemas, "--exports", exports])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("\(schemas)/dataset.schema.json: error: the schema file is missing [check.missing]"))
        #expect(
            stale.stdout.contains(
                "\(exports)/yaml/central-asia.yaml: error: the yaml export file differs from what the current code generates [check.stale]")
        )
        #expect(
            stale.stdout.contains(
                "\(exports)/yaml/old.yaml: error: the yaml export folder holds a file the current code does not generate [check.unexpected]"
            ))
    }

    @Test func schemaCommandWritesTheCommittedSchema() throws {
        let folder = try Repository.temporaryFolder()
        let run = try RegionKitBinary.run(["schema", "--output", folder])
        #expect(run.status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/dataset.schema.json"))
        #expect(written == (try Data(contentsOf: URL(fileURLWithPath: Repository.path("Schemas/dataset.schema.json")))))
    }
}

/// Every invalid fixture exits 1 on the command line with at least one `file:line:column:` finding.
@Suite struct InvalidFixtureCLITests {
    static let names = Repository.files(under: Repository.path("Fixtures/invalid")).filter { $0.hasSuffix(".yaml") }

    @Test(arguments: names)
    func exitsOneWithALocatedFinding(_ name: String) throws {
        let path = "Fixtures/invalid/" + name
        let run = try RegionKitBinary.run(["validate", path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        let located = run.stdout.split(separator: "\n").contains { line in
            let parts = line.split(separator: ":", maxSplits: 3)
            return parts.count == 4 && parts[0] == path && Int(parts[1]) != nil && Int(parts[2]) != nil && parts[3].hasPrefix(" error: ")
        }
        #expect(located, "\(run.stdout)")
        #expect(run.stderr == "")
    }
}
