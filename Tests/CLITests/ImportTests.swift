import Foundation
import TestSupport
import Testing

/// `regionkit import` on YAML files, in a scratch copy of the dataset so the checkout is never touched.
@Suite struct ImportTests {
    /// A scratch folder with a copy of the canonical dataset and its source text; returns its dataset path.
    func scratchDataset() throws -> (folder: String, dataset: String) {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        return (folder, folder + "/central-asia/dataset.yaml")
    }

    func edit(_ dataset: String, to path: String, _ changes: [(String, String)]) throws {
        var text = try String(contentsOfFile: dataset, encoding: .utf8)
        for (old, new) in changes {
            guard let range = text.range(of: old) else { throw MissingTool(name: "the text '\(old)' in the dataset") }
            text.replaceSubrange(range, with: new)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func theDatasetImportsWithNoChanges() throws {
        let run = try RegionKitBinary.run(["import", "Fixtures/central-asia/dataset.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                import Fixtures/central-asia/dataset.yaml (yaml, two-way) into Fixtures/central-asia/dataset.yaml
                no changes: the file matches the dataset

                """)
    }

    @Test func dryRunShowsTheChangeSetAndWritesNothing() throws {
        let (folder, dataset) = try scratchDataset()
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        try edit(dataset, to: folder + "/central-asia/edited.yaml", [("  status: prospective\n", "  status: member\n")])
        let run = try RegionKitBinary.run(["import", "central-asia/edited.yaml", "--dataset", dataset], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                import central-asia/edited.yaml (yaml, two-way) into \(dataset)
                ~ memberships tjk-eaeu-prospective (central-asia/edited.yaml:223:3)
                    status: 'prospective' → 'member' (central-asia/edited.yaml:226:11)
                0 added, 0 removed, 1 changed: dry run, nothing written (pass --apply to write)

                """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    @Test func applyWritesTheMergedDatasetAtomically() throws {
        let (folder, dataset) = try scratchDataset()
        let edited = folder + "/central-asia/edited.yaml"
        try edit(dataset, to: edited, [("  status: prospective\n", "  status: member\n")])
        let run = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("0 added, 0 removed, 1 changed: applied to \(dataset)\n"))
        #expect(try String(contentsOfFile: dataset, encoding: .utf8) == (try String(contentsOfFile: edited, encoding: .utf8)))
        #expect(Repository.files(under: folder + "/central-asia").filter { $0.hasPrefix(".") || $0.hasSuffix(".lock") } == [])
        let again = try RegionKitBinary.run(["import", edited, "--dataset", dataset])
        #expect(again.stdout.hasSuffix("no changes: the file matches the dataset\n"))
    }

    /// Comments and blank lines added to the canonical file by hand survive an apply: the file's lines after it are
    /// its lines before, in order, but for the one changed line.
    @Test func applyRewritesOnlyTheChangedLines() throws {
        let (folder, dataset) = try scratchDataset()
        try edit(
            dataset, to: dataset,
            [
                ("regionkit: \"1\"\n", "# Reviewed by the team on 2026-11-30.\nregionkit: \"1\"\n"),
                ("- id: KGZ\n", "\n# Names as the article gives them.\n- id: KGZ\n"),
            ])
        let before = try String(contentsOfFile: dataset, encoding: .utf8)
        let edited = folder + "/central-asia/edited.yaml"
        try edit(dataset, to: edited, [("  name: Kyrgyzstan\n", "  name: Kyrgyz Republic\n")])
        let run = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("0 added, 0 removed, 1 changed: applied to \(dataset)\n"))
        #expect(!run.stdout.contains("import.rewritten"))
        let old = before.split(separator: "\n", omittingEmptySubsequences: false)
        let new = try String(contentsOfFile: dataset, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try #require(new.count == old.count, "the apply added or removed lines")
        let differing = zip(old, new).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(differing.map { [String($0.element.0), String($0.element.1)] } == [["  name: Kyrgyzstan", "  name: Kyrgyz Republic"]])
        #expect(Repository.files(under: folder + "/central-asia").filter { $0.hasPrefix(".") || $0.hasSuffix(".lock") } == [])
    }

    @Test func deletionsNeedTheirFlag() throws {
        let (folder, dataset) = try scratchDataset()
        let edited = folder + "/central-asia/edited.yaml"
        var text = try String(contentsOfFile: dataset, encoding: .utf8)
        let start = try #require(text.range(of: "- id: rus-bases-kgz\n"))
        let end = try #require(text.range(of: "- id: ", range: start.upperBound..<text.endIndex))
        text.removeSubrange(start.lowerBound..<end.lowerBound)
        try text.write(toFile: edited, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))

        let refused = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply"])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("error: the file no longer has 1 row of the dataset; applying it removes them [import.deletions]"))
        #expect(refused.stdout.contains("- bases rus-bases-kgz ("))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)

        let allowed = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply", "--allow-deletions"])
        #expect(allowed.status == 0, "\(allowed.stdout)")
        #expect(!(try String(contentsOfFile: dataset, encoding: .utf8)).contains("rus-bases-kgz"))
    }

    @Test func invalidEditsAreLocatedAndNothingIsWritten() throws {
        let (folder, dataset) = try scratchDataset()
        let edited = folder + "/central-asia/edited.yaml"
        try edit(dataset, to: edited, [("  status: prospective\n", "  status: memeber\n")])
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let run = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(edited):226:11: error: status: 'memeber' is not one of"))
        #expect(run.stdout.hasSuffix("not applied (1 error); nothing was written\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    @Test func aSecondImportIsRefusedWhileTheLockIsHeld() throws {
        let (folder, dataset) = try scratchDataset()
        let edited = folder + "/central-asia/edited.yaml"
        try edit(dataset, to: edited, [("  status: prospective\n", "  status: member\n")])
        // Hold the lock from another process the way a running import does (flock on <dataset>.lock).
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [dataset + ".lock", "sleep", "30"]
        try holder.run()
        defer { holder.terminate() }
        var run = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply"])
        for _ in 0..<50 where run.status == 0 {
            // The holder may not have taken the lock yet; the first import then went through: undo and retry.
            try FileManager.default.removeItem(atPath: dataset)
            try FileManager.default.copyItem(atPath: Repository.dataset, toPath: dataset)
            usleep(100_000)
            run = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply"])
        }
        #expect(run.status == 2)
        #expect(run.stderr.contains("another import is changing this dataset right now"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == (try Data(contentsOf: URL(fileURLWithPath: Repository.dataset))))
    }

    @Test func unknownFileTypeIsUnusable() throws {
        let folder = try Repository.temporaryFolder()
        try "x".write(toFile: folder + "/notes.docx", atomically: true, encoding: .utf8)
        let run = try RegionKitBinary.run(["import", folder + "/notes.docx"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no format recognizes this file"))
    }
}
