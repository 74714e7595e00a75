import ArgumentParser
import RegionKitFormats

/// Whether a long command shows its progress on standard error.
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "Show no progress; export also lists no written files.")
    var quiet = false

    /// Runs `work` with a progress line on standard error when it is a terminal and --quiet is not given.
    func run<Success, Failure: Error>(_ work: () throws(Failure) -> Success) throws(Failure) -> Success {
        guard !quiet, let display = TerminalProgress.forStandardError() else { return try work() }
        defer { display.finish() }
        let result = JobProgress.$observer.withValue(display) { Result { () throws(Failure) in try work() } }
        return try result.get()
    }
}
