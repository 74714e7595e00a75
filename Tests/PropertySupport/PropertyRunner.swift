import RegionKit
import RegionSchema

/// Runs a property over generated datasets: generates each seed's case, checks the generator made a valid dataset,
/// evaluates the property in batches, and shrinks every failing case to a small dataset that still fails.
///
/// A property takes a batch of cases and says, for each, why it fails (nil when it holds). Batches let a costly
/// tool (LibreOffice) handle several cases in one run; cheap properties take batches of one.
public struct PropertyRunner {
    /// Names the property in failure messages: "CSV rfc4180: export, then import, changes nothing".
    public var name: String
    /// The `swift test --filter` argument that runs the property, for the replay line of a failure.
    public var filter: String
    public var generator: DatasetCaseGenerator
    /// The most cases handed to the property at once.
    public var batchSize: Int
    /// The most cases evaluated while shrinking one failure.
    public var shrinkBudget: Int
    /// The most candidates handed to the property at once while shrinking (by default `batchSize`).
    public var shrinkBatchSize: Int?
    /// The most failing cases shrunk; later ones are listed by seed with their first failure.
    public var shrinkLimit = 3
    /// The most seconds spent shrinking one failure.
    public var shrinkSeconds = 30

    public typealias Property = ([GeneratedDataset]) throws -> [String?]

    public init(name: String, filter: String, generator: DatasetCaseGenerator = .init(), batchSize: Int = 1, shrinkBudget: Int = 400) {
        self.name = name
        self.filter = filter
        self.generator = generator
        self.batchSize = batchSize
        self.shrinkBudget = shrinkBudget
    }

    /// Checks the property on the cases of `seeds`; returns one report per failing case (empty when it holds).
    public func check(_ seeds: [UInt64], _ property: Property) throws -> [String] {
        var reports: [String] = []
        var unshrunk: [String] = []
        var shrunk = 0
        var cases: [GeneratedDataset] = []
        for seed in seeds {
            let generated = generator.generate(seed: seed)
            let errors = try generated.errors()
            if !errors.isEmpty {
                reports.append(
                    "the generator made an invalid dataset for seed \(seed) (a defect of Tests/PropertySupport):\n"
                        + errors.joined(separator: "\n") + "\n" + generated.yaml)
                continue
            }
            cases.append(generated)
        }
        for start in stride(from: 0, to: cases.count, by: max(1, batchSize)) {
            let batch = Array(cases[start..<min(cases.count, start + max(1, batchSize))])
            let verdicts = try property(batch)
            for (generated, failure) in zip(batch, verdicts) {
                guard let failure else { continue }
                if shrunk < shrinkLimit {
                    reports.append(try report(generated, failure, property))
                    shrunk += 1
                } else {
                    unshrunk.append("seed \(generated.seed): " + failure.split(separator: "\n").prefix(3).joined(separator: " | "))
                }
            }
        }
        if !unshrunk.isEmpty {
            reports.append(
                "\(name) also fails for \(unshrunk.count) more cases (not shrunk; replay one with REGIONKIT_PROPERTY_SEED=SEED REGIONKIT_PROPERTY_CASES=1):\n"
                    + unshrunk.joined(separator: "\n"))
        }
        return reports
    }

    /// Shrinks a failing case and describes it: the seed, the first failure, the shrunk dataset and its failure.
    func report(_ generated: GeneratedDataset, _ failure: String, _ property: Property) throws -> String {
        let (shrunk, shrunkFailure, steps) = try shrink(generated, failure, property)
        return """
            \(name) fails for seed \(generated.seed) (\(generated.dataset.rowCount) rows):
            \(failure)
            shrunk in \(steps) steps to \(shrunk.dataset.rowCount) rows, failing with:
            \(shrunkFailure)
            the shrunk dataset:
            \(shrunk.yaml)
            Replay it with REGIONKIT_PROPERTY_SEED=\(generated.seed) REGIONKIT_PROPERTY_CASES=1 swift test --filter \(filter); \
            keep it as a regression case by adding the line '\(generated.seed)  # \(name)' to \(PropertySettings.regressionFile).
            """
    }

    /// The smallest failing case found within the budget, its failure, and the number of shrink steps taken.
    ///
    /// After a smaller case is found, the search goes on from the same position in the new case's candidates (the
    /// earlier ones passed a moment ago), and once more from the start when it reaches the end.
    func shrink(_ generated: GeneratedDataset, _ failure: String, _ property: Property) throws -> (GeneratedDataset, String, Int) {
        var current = generated
        var currentFailure = failure
        var evaluations = 0
        var steps = 0
        var start = 0
        let deadline = ContinuousClock.now + .seconds(shrinkSeconds)
        search: while evaluations < shrinkBudget && ContinuousClock.now < deadline {
            let candidates = Shrinker.candidates(of: current.dataset)
            var batch: [(index: Int, case: GeneratedDataset)] = []
            var index = start
            while evaluations < shrinkBudget && ContinuousClock.now < deadline {
                if index < candidates.count {
                    let candidate = GeneratedDataset(seed: generated.seed, dataset: candidates[index])
                    index += 1
                    guard candidate.isValidInMemory else { continue }
                    batch.append((index - 1, candidate))
                    if batch.count < max(1, shrinkBatchSize ?? batchSize) { continue }
                }
                if !batch.isEmpty {
                    evaluations += batch.count
                    let verdicts = try property(batch.map(\.case))
                    if let found = verdicts.firstIndex(where: { $0 != nil }), let message = verdicts[found] {
                        current = batch[found].case
                        currentFailure = message
                        steps += 1
                        start = batch[found].index
                        continue search
                    }
                    batch = []
                }
                if index >= candidates.count {
                    if start == 0 { break search }
                    start = 0
                    continue search
                }
            }
        }
        return (current, currentFailure, steps)
    }
}

/// Smaller variants of a dataset, biggest steps first: whole tables, then rows, then optional fields, then simpler
/// values (shorter texts, fewer list items, round numbers, dates known to the year). Some are invalid (a removed
/// row that others refer to); the runner skips those.
public enum Shrinker {
    public static func candidates(of dataset: Dataset) -> [Dataset] {
        var result: [Dataset] = []
        for table in TableID.allCases.reversed() where !dataset[table].isEmpty {
            var smaller = dataset
            smaller[table] = []
            result.append(smaller)
        }
        for table in TableID.allCases.reversed() where dataset[table].count > 1 {
            var half = dataset
            half[table] = Array(dataset[table].prefix(dataset[table].count / 2))
            result.append(half)
            for index in dataset[table].indices {
                var smaller = dataset
                smaller[table].remove(at: index)
                result.append(smaller)
            }
        }
        for table in TableID.allCases {
            let spec = DatasetSchema.table(table)
            for (index, record) in dataset[table].enumerated() {
                for field in spec.fields where !field.required && record[field.key] != nil {
                    var smaller = dataset
                    smaller[table][index][field.key] = nil
                    result.append(smaller)
                }
            }
        }
        for table in TableID.allCases {
            let spec = DatasetSchema.table(table)
            for (index, record) in dataset[table].enumerated() {
                for field in spec.fields {
                    guard let value = record[field.key] else { continue }
                    for simpler in simpler(value, field: field, in: table) where simpler != value {
                        var smaller = dataset
                        smaller[table][index][field.key] = simpler
                        result.append(smaller)
                    }
                }
            }
        }
        return result
    }

    /// Simpler values of a field, simplest first.
    static func simpler(_ value: Value, field: FieldSpec, in table: TableID) -> [Value] {
        let freeText = field.type == .text && field.pattern == nil && !(table == .sources && field.key == "text")
        switch value {
        case .text(let text) where freeText:
            return shorter(text).map(Value.text)
        case .list(let items):
            var lists: [[String]] = []
            if items.count > 1 {
                lists += items.map { [$0] }
                lists += items.indices.map { index in items.enumerated().filter { $0.offset != index }.map(\.element) }
            }
            if field.type == .list(.text) {
                for (index, item) in items.enumerated() {
                    for shorter in shorter(item) {
                        var changed = items
                        changed[index] = shorter
                        lists.append(changed)
                    }
                }
            }
            return lists.filter { Set($0).count == $0.count }.map(Value.list)
        case .number(let number):
            // 0 is the simplest, then 1, then whole numbers: never back to a value it came from.
            if number == 0 { return [] }
            if number == 1 { return [.number(0)] }
            return [.number(0), .number(1)] + (number == number.rounded() ? [] : [.number(number.rounded())])
        case .date(let date) where date.precision != .year:
            return [PartialDate(year: date.year), PartialDate(year: date.year, month: date.month)].compactMap { $0 }.map(Value.date)
        default:
            return []
        }
    }

    /// `a`, the first half, and the text without its first or last character; never empty, never with white space
    /// at either end.
    static func shorter(_ text: String) -> [String] {
        guard text.count > 1 else { return text == "a" ? [] : ["a"] }
        return [
            "a", String(text.prefix(text.count / 2)), String(text.suffix(text.count / 2)), String(text.dropFirst()),
            String(text.dropLast()),
        ]
        .map(FieldValues.trimmed)
    }
}
