import Synchronization

/// One check of a whole dataset. Each rule is a small type with a stable name, listed in `DatasetRules.all`.
public protocol DatasetRule: Sendable {
    /// The rule's name; its findings' codes start with it.
    static var name: String { get }
    /// What the rule checks, in one sentence.
    static var summary: String { get }
    /// Every finding of the rule, never only the first.
    func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding]
}

/// The registry of dataset rules, in the order they run.
public enum DatasetRules {
    public static let all: [any DatasetRule] = [
        FieldRule(),
        CapitalCoordinatesRule(),
        UniqueIDRule(),
        ReferenceRule(),
        DateOrderRule(),
        IndicatorUnitRule(),
        QuoteRule(),
    ]
}

/// Validates a dataset with a list of rules and returns every finding, sorted by location.
public struct DatasetValidator: Sendable {
    public var rules: [any DatasetRule]

    public init(rules: [any DatasetRule] = DatasetRules.all) {
        self.rules = rules
    }

    /// Every finding of every rule, sorted by location. The rules run side by side on the machine's cores; the
    /// findings are the same as if they had run one after the other.
    public func validate(_ dataset: Dataset, in context: ValidationContext = .init()) -> [Finding] {
        let rows = dataset.rowCount
        let rules = self.rules
        let observer = JobProgress.observer
        let finished = Mutex(0)
        let findings = ParallelWork.map(rules.count) { index in
            let found = rules[index].check(dataset, in: context)
            let done = finished.withLock { count in
                count += 1
                return count
            }
            // Progress in rows' worth of checks: each rule goes over the rows once.
            JobProgress.$observer.withValue(observer) {
                JobProgress.report("checking the rules", rows: rows * done / rules.count, done: done, total: rules.count)
            }
            return found
        }
        JobProgress.end()
        return Finding.sorted(findings.flatMap { $0 })
    }
}

extension Dataset {
    /// Calls `body` for every row of every table, with the table's spec and the row's index.
    func forEachRow(_ body: (TableSpec, Int, Record) -> Void) {
        for spec in DatasetSchema.tables {
            for (index, record) in self[spec.id].enumerated() {
                body(spec, index, record)
            }
        }
    }
}
