import Foundation
import TestSupport
import Testing

/// Progress on standard error: drawn in place on a terminal, never into a pipe or with --quiet. The terminal is a
/// real pseudo-terminal made by `script` (util-linux); `REGIONKIT_PROGRESS_DELAY=0` draws from the first report
/// instead of after a second, so the test does not depend on the machine's speed.
@Suite struct ProgressTests {
    /// A generated dataset of 10 000 indicator rows in a new folder, and its path relative to the folder (short, so
    /// that progress lines fit the terminal's 80 columns).
    static func generated() throws -> (folder: String, dataset: String) {
        let folder = try Repository.temporaryFolder()
        let run = try RegionKitBinary.run(["generate", "--indicators", "10000", "--output", folder + "/g.yaml"])
        try #require(run.status == 0, "\(run.stderr)")
        return (folder, "g.yaml")
    }

    /// Runs regionkit with its standard output and error on a pseudo-terminal; returns what the terminal received.
    static func onTerminal(_ arguments: [String], in folder: String) throws -> ProgramRun {
        let command = ([RegionKitBinary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ProgramRun.tool(
            "script", ["--quiet", "--return", "--command", command, "/dev/null"], in: folder,
            environment: ["REGIONKIT_PROGRESS_DELAY": "0", "TERM": "xterm"])
    }

    @Test func aTerminalSeesRowsRateShareAndTimeLeftThenACleanLine() throws {
        let (folder, dataset) = try Self.generated()
        let run = try Self.onTerminal(["export", "--format", "csv", "--dataset", dataset, "--output", "out"], in: folder)
        #expect(run.status == 0, "\(run.stdout)")
        // The first report of each phase is drawn; later ones at most five times a second.
        let screen = run.stdout
        #expect(screen.contains("\rreading \(dataset): 4 096 rows, "), "\(screen)")
        let line = try #require(screen.split(separator: "\r").first { $0.hasPrefix("writing indicators.csv: 4 096 rows") })
        #expect(line.contains(" rows/s, 40 %, "), "\(line)")
        #expect(line.contains(" s left\u{1B}[K"), "\(line)")
        // Each phase clears its line when it ends, so what is printed next starts on a clean line.
        #expect(screen.contains("\r\u{1B}[Kwrote out/csv/sources.csv"), "\(screen)")
    }

    @Test func quietOrAPipeShowsNoProgress() throws {
        let (folder, dataset) = try Self.generated()
        let quiet = try Self.onTerminal(["export", "--format", "csv", "--dataset", dataset, "--output", "out", "--quiet"], in: folder)
        #expect(quiet.status == 0)
        #expect(quiet.stdout == "", "\(quiet.stdout)")
        let piped = try RegionKitBinary.run(
            ["validate", dataset], in: folder, environment: ["REGIONKIT_PROGRESS_DELAY": "0"])
        #expect(piped.status == 0)
        #expect(piped.stderr == "", "\(piped.stderr)")
        let imported = try Self.onTerminal(["import", "out/csv", "--dataset", dataset, "--quiet"], in: folder)
        #expect(!imported.stdout.contains("rows/s"), "\(imported.stdout)")
        #expect(imported.stdout.contains("no changes"), "\(imported.stdout)")
    }

    @Test func anImportShowsWhatItReads() throws {
        let (folder, dataset) = try Self.generated()
        let export = try RegionKitBinary.run(["export", "--format", "csv", "--dataset", dataset, "--output", "out", "--quiet"], in: folder)
        try #require(export.status == 0, "\(export.stderr)")
        let run = try Self.onTerminal(["import", "out/csv", "--dataset", dataset], in: folder)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("\rreading indicators.csv: 4 096 rows, "), "\(run.stdout)")
        #expect(run.stdout.contains("\rreading \(dataset): 4 096 rows, "), "\(run.stdout)")
        #expect(run.stdout.contains("no changes"), "\(run.stdout)")
    }
}
