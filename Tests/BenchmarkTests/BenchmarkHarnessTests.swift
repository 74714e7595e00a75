import Foundation
import TestSupport
import Testing

/// `make bench`'s driver works end to end at a tiny size: it generates a dataset, builds the C peers, runs RegionKit
/// and its peers in turn and writes the results table. Nothing here looks at a time.
@Suite struct BenchmarkHarnessTests {
    func bench(_ environment: [String: String]) throws -> (ProgramRun, folder: String) {
        let folder = try Repository.temporaryFolder()
        let base = [
            "BENCH_SIZES": "500", "BENCH_RUNS": "1", "BENCH_REGIONKIT": RegionKitBinary.path,
            "BENCH_DATA": folder + "/data", "BENCH_RESULTS": folder + "/RESULTS.md", "BENCH_COMMAND": "test",
        ]
        let run = try ProgramRun(
            "/usr/bin/env", ["python3", Repository.path("Benchmarks/run.py")],
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
}
