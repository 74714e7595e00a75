import Foundation
import RegionKit
import TestSupport

/// Which cases a property runs: the seeds kept as regression cases, then `cases` seeds drawn from one seed.
///
/// `REGIONKIT_PROPERTY_SEED` sets the seed (decimal or `0x` hexadecimal; the first case is the seed itself, so a
/// failing case's seed with `REGIONKIT_PROPERTY_CASES=1` replays exactly that case); `REGIONKIT_PROPERTY_CASES`
/// sets the number of cases of each property.
public struct PropertySettings: Sendable {
    /// The seed `make test` runs with.
    public static let standardSeed: UInt64 = 20_261_203
    /// The committed file of seeds that failed once, replayed on every run.
    public static let regressionFile = "Tests/PropertyTests/Regressions/seeds.txt"

    public var seed: UInt64
    public var cases: Int

    public init(seed: UInt64, cases: Int) {
        self.seed = seed
        self.cases = cases
    }

    /// The settings from the environment; `cases` unless `REGIONKIT_PROPERTY_CASES` says otherwise, and for
    /// costly properties (`scale` > 1) that number divided by `scale`, at least one.
    public static func current(cases: Int, scale: Int = 1) -> PropertySettings {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["REGIONKIT_PROPERTY_SEED"].flatMap(parseSeed) ?? standardSeed
        let asked = environment["REGIONKIT_PROPERTY_CASES"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let count = asked.map { max(1, ($0 + scale - 1) / scale) } ?? cases
        return PropertySettings(seed: seed, cases: count)
    }

    /// The case seeds: `seed` first, then what a SplitMix64 generator seeded with it draws.
    public var caseSeeds: [UInt64] {
        var rng = SplitMix64(seed: seed)
        return (0..<cases).map { $0 == 0 ? seed : rng.next() }
    }

    /// The regression seeds, then the case seeds.
    public var allSeeds: [UInt64] {
        var seen = Set<UInt64>()
        return (Self.regressionSeeds() + caseSeeds).filter { seen.insert($0).inserted }
    }

    /// The seeds in the regression file: one a line, `#` starts a comment.
    public static func regressionSeeds() -> [UInt64] {
        let text = (try? String(contentsOfFile: Repository.path(regressionFile), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let seed = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return parseSeed(String(seed))
        }
    }

    public static func parseSeed(_ text: String) -> UInt64? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
}
