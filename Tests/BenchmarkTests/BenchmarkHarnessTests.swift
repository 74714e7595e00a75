import Foundation
import TestSupport
import Testing

/// `make bench`'s driver works end to end at a tiny size: it generates a dataset, builds the C peers, runs RegionKit
/// and its peers in turn and writes the results table. Nothing here looks at a time.
@Suite struct BenchmarkHarnessTests {
    func bench(_ environment: [String: String], _ arguments: [String] = [], in existing: String? = nil) throws
        -> (ProgramRun, folder: String)
    {
        let folder = try existing ?? Repository.temporaryFolder()
        let base = [
            "BENCH_SIZES": "500", "BENCH_RUNS": "1", "BENCH_REGIONKIT": RegionKitBinary.path,
            "BENCH_DATA": folder + "/data", "BENCH_RESULTS": folder + "/RESULTS.md", "BENCH_COMMAND": "test",
        ]
        let run = try ProgramRun(
            "/usr/bin/env", ["python3", Repository.path("Benchmarks/run.py")] + arguments,
            environment: base.merging(environment) { _, new in new })
        return (run, folder)
    }

    @Test func smallRunWritesTheTableWithEveryPeerOfTheChosenJobs() throws {
        let (run, folder) = try bench(["BENCH_JOBS": "yaml-load,validate"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let results = try String(contentsOfFile: folder + "/RESULTS.md", encoding: .utf8)
        #expect(results.contains("**a smoke run**"))
        #expect(results.contains("cores (nproc)"))
        for tool in ["regionkit validate", "C libyaml event loop", "PyYAML CSafeLoader", "check-jsonschema"] {
            #expect(results.contains(tool), "\(tool) is missing from\n\(results)")
        }
        let rows = results.split(separator: "\n").filter { $0.hasPrefix("| yaml-load | 500 ") || $0.hasPrefix("| validate  | 500 ") }
        #expect(rows.count == 5, "\(results)")
        #expect(rows.allSatisfy { !$0.contains("FAILED") }, "\(results)")
        #expect(results.contains("## Targets"))
        #expect(results.contains("regionkit validate: at least 20 times check-jsonschema"))
    }

    @Test func anUnknownJobIsAUsageError() throws {
        let (run, _) = try bench(["BENCH_JOBS": "yaml-lod"])
        #expect(run.status == 64)
        #expect(run.stdout.contains("unknown job(s) yaml-lod"))
    }

    func lines(of job: String, in results: String) -> [Substring] {
        results.split(separator: "\n").filter { $0.hasPrefix("| \(job) ") }
    }

    @Test func importVariantsReadAnEditedFileAndMergeAStaleOneThreeWays() throws {
        let jobs = ["csv-import-edited", "csv-import-stale", "xlsx-import-stale"]
        let (run, folder) = try bench(["BENCH_JOBS": jobs.joined(separator: ",")])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let results = try String(contentsOfFile: folder + "/RESULTS.md", encoding: .utf8)
        // RegionKit and every peer (openpyxl runs at this size too), nothing failed.
        #expect(lines(of: "csv-import-edited", in: results).count == 3, "\(results)")
        #expect(lines(of: "csv-import-stale", in: results).count == 3, "\(results)")
        #expect(lines(of: "xlsx-import-stale", in: results).count == 4, "\(results)")
        #expect(!results.contains("FAILED"), "\(results)")
        #expect(results.contains("median peak MB") && results.contains("max peak MB"))
        // What RegionKit's side found: 5 of the 500 indicator rows changed; the stale file merged three ways.
        let logs = folder + "/data/logs/"
        let edited = try String(contentsOfFile: logs + "csv-import-edited-500-regionkit-import-csv.log", encoding: .utf8)
        #expect(edited.contains("(csv, two-way)") && edited.contains("0 added, 0 removed, 5 changed"), "\(edited)")
        for (job, tool) in [("csv-import-stale", "csv"), ("xlsx-import-stale", "xlsx")] {
            let log = try String(contentsOfFile: logs + "\(job)-500-regionkit-import-\(tool).log", encoding: .utf8)
            #expect(log.contains("(\(tool), three-way)") && log.contains("[import.stale]"), "\(log)")
            #expect(log.contains("0 added, 0 removed, 5 changed"), "\(log)")
        }
        // The notes on what the peers leave out, job by job.
        #expect(results.contains("## Where a peer does less work than RegionKit, or more"))
        #expect(results.contains("- `csv-import-stale`\n  - each peer does less: no validation"), "\(results)")
        #expect(results.contains("each peer does less: no merge"))
        #expect(results.contains("does more: they parse every cell of the hidden `_regionkit` sheet"))
    }

    @Test func instructionCountsHaveTheirOwnSectionThatATimingRunKeeps() throws {
        let (count, folder) = try bench(["BENCH_JOBS": "validate", "BENCH_PROFILE_ROWS": "500"], ["--instructions"])
        #expect(count.status == 0, "\(count.stdout)\n\(count.stderr)")
        let counted = try String(contentsOfFile: folder + "/RESULTS.md", encoding: .utf8)
        #expect(counted.contains("## Instructions per row (callgrind)"), "\(counted)")
        let row = lines(of: "validate", in: counted)
        #expect(row.count == 1, "\(counted)")
        let cells = row.first?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
        let perRow = cells.last.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) } ?? 0
        #expect(perRow > 1000, "\(counted)")

        let (timing, _) = try bench(["BENCH_JOBS": "validate"], in: folder)
        #expect(timing.status == 0, "\(timing.stdout)\n\(timing.stderr)")
        let results = try String(contentsOfFile: folder + "/RESULTS.md", encoding: .utf8)
        #expect(results.contains("## Results"))
        #expect(results.contains(row.first.map(String.init) ?? "no row"), "\(results)")
    }
}
