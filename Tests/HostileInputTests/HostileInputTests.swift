import Testing

/// Hostile input files, each a test: a zip bomb, XML entities, damaged and disguised packages, oversized cells and
/// rows, YAML bombs, broken CSV and GeoJSON. For each, `regionkit` must exit with status 1 or 2, name the file and
/// the problem, finish in bounded time and memory, and write nothing. The files are made at test time by
/// `Scripts/make_hostile.py` in a scratch folder, which is removed afterwards (the largest is a 1 GiB YAML file).
/// The cases run one after another, so that each one's time and memory are its own.
@Suite(.serialized) struct HostileInputTests {
    @Test(arguments: HostileCase.all)
    func refused(_ hostile: HostileCase) throws {
        let run = try HostileRun(hostile)
        defer { run.remove() }
        try run.check()
    }
}
