import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An export killed part-way (SIGKILL, which no program can catch) leaves the earlier export intact, and the
/// temporary files it could not remove neither count as outputs nor trouble the next run, which removes them.
@Suite struct InterruptedExportTests {
    @Test func anExportKilledPartWayKeepsTheEarlierExportAndTheNextRunCleansUp() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let output = folder + "/out"
        let scratch = folder + "/tmp"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let environment = ["TMPDIR": scratch]
        try WriteSandbox.regionkit(["export", "--dataset", dataset, "--output", output, "--quiet"], environment: environment)
        let earlier = WriteSandbox.snapshot(output)
        #expect(entries(scratch) == [], "the export leaves files in TMPDIR")

        // A large dataset with the same name, so that its export replaces the same files.
        let large = folder + "/large/central-asia/dataset.yaml"
        try WriteSandbox.regionkit(["generate", "--dataset", dataset, "--indicators", "20000", "--output", large])
        try FileManager.default.copyItem(atPath: folder + "/natural-earth", toPath: folder + "/large/natural-earth")

        let export = Process()
        export.executableURL = URL(fileURLWithPath: RegionKitBinary.path)
        export.arguments = ["export", "--dataset", large, "--output", output, "--quiet"]
        export.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        export.standardOutput = FileHandle.nullDevice
        export.standardError = FileHandle.nullDevice
        try export.run()
        // Kill it once libxlsxwriter has written into the workbook's temporary file beside its target (the YAML and
        // CSV files are staged by then too), before anything is committed.
        var staged = false
        while export.isRunning && !staged {
            staged = WriteSandbox.temporaryFiles(under: output).contains { path in
                path.hasPrefix("xlsx/")
                    && ((try? FileManager.default.attributesOfItem(atPath: output + "/" + path)[.size] as? Int) ?? 0) > 0
            }
            if !staged { usleep(1000) }
        }
        kill(export.processIdentifier, SIGKILL)
        export.waitUntilExit()
        try #require(staged, "the export ended before it was killed; it needs a larger dataset")
        #expect(export.terminationReason == .uncaughtSignal && export.terminationStatus == SIGKILL)

        let left = WriteSandbox.snapshot(output)
        #expect(
            Set(WriteSandbox.temporaryFiles(under: output).map { String($0.prefix { $0 != "/" }) }).isSuperset(of: ["yaml", "csv", "xlsx"]),
            "a killed process cannot remove its temporary files")
        #expect(entries(scratch) == [], "the workbook is written beside its target, not assembled in TMPDIR")
        #expect(left.filter { !isTemporary($0.key) } == earlier, "the earlier export was changed")

        // The leftovers are not outputs: the earlier export still checks as up to date.
        try WriteSandbox.regionkit(["schema", "--output", folder + "/schemas", "--quiet"])
        let check = try RegionKitBinary.run(["check", "--dataset", dataset, "--exports", output, "--schemas", folder + "/schemas"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // The next run writes over the same folders, removes what the killed one left, and leaves nothing of its own.
        try WriteSandbox.regionkit(["export", "--dataset", dataset, "--output", output, "--quiet"], environment: environment)
        #expect(WriteSandbox.snapshot(output) == earlier)
        #expect(WriteSandbox.temporaryFiles(under: output) == [])
        #expect(entries(scratch) == [], "the export leaves files in TMPDIR")
    }

    /// Temporary files and work folders of another process that is still running are left alone; those whose
    /// process has ended are removed with what they hold; neither is read as part of an export.
    @Test func onlyTheTemporaryFilesOfEndedProcessesAreRemoved() throws {
        let (folder, dataset) = try WriteSandbox.scratchDataset()
        let output = folder + "/out"
        try WriteSandbox.regionkit(["export", "--format", "csv", "--dataset", dataset, "--output", output, "--quiet"])
        let earlier = WriteSandbox.snapshot(output)
        let dead = try WriteSandbox.deadProcessID()
        let stale = "csv/.regionkit-tmp-\(dead)-1a2b-countries.csv"
        let live = "csv/.regionkit-tmp-\(getpid())-3c4d-countries.csv"
        // What a library killed part-way leaves in its work folder (libxlsxwriter names its files tmp.XXXXXXXXXX).
        let staleWork = "csv/.regionkit-tmp-\(dead)-5e6f-book.xlsx.work/tmp.A8odtwCoWL"
        let liveWork = "csv/.regionkit-tmp-\(getpid())-7a8b-book.xlsx.work/tmp.B9peuxDpXM"
        for name in [stale, live, staleWork, liveWork] {
            let path = output + "/" + name
            try FileManager.default.createDirectory(
                atPath: String(path[..<path.lastIndex(of: "/")!]), withIntermediateDirectories: true)
            try "id,name\nXXX,half written".write(toFile: path, atomically: false, encoding: .utf8)
        }

        let imported = try RegionKitBinary.run(["import", output + "/csv", "--dataset", dataset])
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.hasSuffix("no changes: the file matches the dataset\n"))

        try WriteSandbox.regionkit(["export", "--format", "csv", "--dataset", dataset, "--output", output, "--quiet"])
        #expect(WriteSandbox.temporaryFiles(under: output) == [live, liveWork].sorted())
        #expect(!FileManager.default.fileExists(atPath: output + "/" + staleWork.split(separator: "/").dropLast().joined(separator: "/")))
        #expect(WriteSandbox.snapshot(output).filter { $0.key != live && $0.key != liveWork } == earlier)
    }

    /// The names in a folder.
    func entries(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    func isTemporary(_ path: String) -> Bool {
        (path.split(separator: "/").last ?? "").hasPrefix(".regionkit-tmp-")
    }
}
