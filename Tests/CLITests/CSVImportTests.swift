import Foundation
import TestSupport
import Testing

/// `regionkit export --format csv` and `regionkit import` of the package, in a scratch copy of the dataset.
@Suite struct CSVImportTests {
    /// A scratch folder with a copy of the canonical dataset, and a CSV export of it in a dialect in `out/csv`.
    func scratchExport(_ dialect: String) throws -> (folder: String, dataset: String, package: String) {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        let run = try RegionKitBinary.run(
            [
                "export", "--format", "csv", "--option", "dialect=\(dialect)", "--output", "out", "--dataset", "central-asia/dataset.yaml",
                "--quiet",
            ],
            in: folder)
        try #require(run.status == 0, "\(run.stderr)")
        return (folder, "central-asia/dataset.yaml", "out/csv")
    }

    /// Replaces texts in a file, keeping every other byte (a byte order mark included).
    func edit(_ path: String, _ changes: [(String, String)]) throws {
        var text = try read(path)
        for (old, new) in changes {
            guard let range = text.range(of: old) else { throw MissingTool(name: "the text '\(old)' in \(path)") }
            text.replaceSubrange(range, with: new)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A file's text, a byte order mark kept as U+FEFF.
    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func theCommittedExportImportsWithNoChanges() throws {
        let run = try RegionKitBinary.run(["import", "Exports/csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                import Exports/csv (csv, two-way) into Fixtures/central-asia/dataset.yaml
                Exports/csv/sources.csv:1:1: note: read the 9 CSV files as dialect rfc4180, detected from their header rows: ',' between fields, no byte order mark [csv.dialect]
                  hint: choose another with --dialect: rfc4180, excel, excel-semicolon
                no changes: the file matches the dataset

                """)
    }

    @Test(arguments: ["rfc4180", "excel", "excel-semicolon"])
    func everyDialectRoundTripsWithNoChanges(_ dialect: String) throws {
        let (folder, dataset, package) = try scratchExport(dialect)
        let detected = try RegionKitBinary.run(["import", package, "--dataset", dataset], in: folder)
        #expect(detected.status == 0, "\(detected.stdout)\(detected.stderr)")
        #expect(detected.stdout.contains("note: read the 9 CSV files as dialect \(dialect), detected from their header rows"))
        #expect(detected.stdout.hasSuffix("\nno changes: the file matches the dataset\n"))
        let given = try RegionKitBinary.run(
            ["import", package + "/datapackage.json", "--dataset", dataset, "--dialect", dialect], in: folder)
        #expect(
            given.stdout == "import \(package)/datapackage.json (csv, two-way) into \(dataset)\nno changes: the file matches the dataset\n")
    }

    /// A spreadsheet user's edits in the semicolon dialect: a changed cell, a deleted row and a new one.
    @Test func editsGiveExactlyTheExpectedChangeSet() throws {
        let (folder, dataset, package) = try scratchExport("excel-semicolon")
        try edit(
            folder + "/" + package + "/memberships.csv",
            [("\r\nkaz-eaeu-member;KAZ;eaeu;member;", "\r\nkaz-eaeu-member;KAZ;eaeu;observer;")])
        let bases = folder + "/" + package + "/bases.csv"
        var lines = try read(bases).components(separatedBy: "\r\n")
        lines.removeAll { $0.hasPrefix("rus-bases-kgz;") }
        lines.insert(
            "kant-air-base;Kant air base;KGZ;RUS;ispi-2019-gusev;the construction of military bases in Kyrgyzstan", at: lines.count - 1)
        try Data(lines.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: bases))

        let run = try RegionKitBinary.run(["import", package, "--dataset", dataset], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                import out/csv (csv, two-way) into central-asia/dataset.yaml
                out/csv: note: the file no longer has 1 row of the dataset; applying it removes them [import.deletions]
                  hint: pass --allow-deletions to remove them
                out/csv/sources.csv:1:1: note: read the 9 CSV files as dialect excel-semicolon, detected from their header rows: ';' between fields [csv.dialect]
                  hint: choose another with --dialect: rfc4180, excel, excel-semicolon
                ~ memberships kaz-eaeu-member (out/csv/memberships.csv:4:1)
                    status: 'member' → 'observer' (out/csv/memberships.csv:4:4)
                - bases rus-bases-kgz (central-asia/dataset.yaml:796:3)
                + bases kant-air-base (out/csv/bases.csv:3:1)
                1 added, 1 removed, 1 changed: dry run, nothing written (pass --apply to write)

                """)

        // Applied, the dataset exports to exactly the edited files.
        let applied = try RegionKitBinary.run(["import", package, "--dataset", dataset, "--apply", "--allow-deletions"], in: folder)
        #expect(applied.status == 0, "\(applied.stdout)")
        #expect(applied.stdout.hasSuffix("1 added, 1 removed, 1 changed: applied to \(dataset)\n"))
        let again = try RegionKitBinary.run(
            ["export", "--format", "csv", "--option", "dialect=excel-semicolon", "--output", "again", "--dataset", dataset, "--quiet"],
            in: folder)
        #expect(again.status == 0)
        for name in ["memberships.csv", "bases.csv"] {
            #expect(
                FileManager.default.contents(atPath: folder + "/again/csv/" + name)
                    == FileManager.default.contents(atPath: folder + "/out/csv/" + name), "\(name)")
        }
    }

    @Test func anInvalidCellIsLocatedByLineAndColumnAndNothingIsWritten() throws {
        let (folder, dataset, package) = try scratchExport("rfc4180")
        try edit(
            folder + "/" + package + "/memberships.csv", [("\nkaz-eaeu-member,KAZ,eaeu,member,", "\nkaz-eaeu-member,KAZ,eaeu,memeber,")])
        let before = FileManager.default.contents(atPath: folder + "/" + dataset)
        let run = try RegionKitBinary.run(["import", package, "--dataset", dataset, "--apply"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                """
                out/csv/memberships.csv:4:4: error: status: 'memeber' is not one of member, prospective, suspended, withdrawn, participant, party, observer [schema.enum]
                  hint: did you mean 'member'?
                """))
        #expect(run.stdout.hasSuffix("not applied (1 error); nothing was written\n"))
        #expect(FileManager.default.contents(atPath: folder + "/" + dataset) == before)
    }

    /// The package carries the fingerprint of the dataset it was exported from but no copy of it: when the dataset
    /// has changed since, the import says so, and compares two ways only when told.
    @Test func aStaleExportIsRefusedUnlessComparedTwoWays() throws {
        let (folder, dataset, package) = try scratchExport("rfc4180")
        try edit(folder + "/" + dataset, [("  status: prospective\n", "  status: member\n")])
        let stale = try RegionKitBinary.run(["import", package, "--dataset", dataset], in: folder)
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("out/csv: error: the dataset changed since this file was exported"))
        let twoWay = try RegionKitBinary.run(["import", package, "--dataset", dataset, "--two-way"], in: folder)
        #expect(twoWay.status == 0, "\(twoWay.stdout)")
        #expect(twoWay.stdout.contains("    status: 'member' → 'prospective' (out/csv/memberships.csv:"))
    }

    /// A generated dataset with Cyrillic, commas, quotes, line breaks and leading '=' or '+' in its notes
    /// round-trips through every dialect.
    @Test(arguments: ["rfc4180", "excel", "excel-semicolon"])
    func aLargeGeneratedDatasetRoundTrips(_ dialect: String) throws {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        let dataset = "central-asia/generated.yaml"
        let generate = try RegionKitBinary.run(
            ["generate", "--dataset", "central-asia/dataset.yaml", "--indicators", "3000", "--seed", "7", "--output", dataset], in: folder)
        try #require(generate.status == 0, "\(generate.stderr)")
        let notes = try String(contentsOfFile: folder + "/" + dataset, encoding: .utf8)
        #expect(["note: \"=", "note: \"+", "note: =", "note: +"].contains { notes.contains($0) }, "no note to guard")
        let export = try RegionKitBinary.run(
            ["export", "--format", "csv", "--option", "dialect=\(dialect)", "--output", "out", "--dataset", dataset, "--quiet"], in: folder)
        try #require(export.status == 0, "\(export.stderr)")
        let run = try RegionKitBinary.run(["import", "out/csv", "--dataset", dataset], in: folder)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("\nno changes: the file matches the dataset\n"), "\(run.stdout)")
    }

    @Test func dialectOptionsAreChecked() throws {
        let (folder, dataset, package) = try scratchExport("rfc4180")
        let unknown = try RegionKitBinary.run(["import", package, "--dataset", dataset, "--dialect", "tab"], in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: csv: option 'dialect' does not take 'tab'; it takes excel, excel-semicolon, rfc4180\n")
        let wrong = try RegionKitBinary.run(["import", package, "--dataset", dataset, "--option", "dialect=excel-semicolon"], in: folder)
        #expect(wrong.status == 1)
        #expect(
            wrong.stdout.contains(
                "out/csv/bases.csv:1:1: error: the header row is a single column: the file is not separated by ';' as dialect excel-semicolon is [csv.dialect]"
            ))
        let export = try RegionKitBinary.run(
            ["export", "--format", "csv", "--option", "dialect=excel-tab", "--output", "x", "--dataset", dataset], in: folder)
        #expect(export.status == 2)
        #expect(export.stderr.contains("option 'dialect' does not take 'excel-tab'"))
    }
}
