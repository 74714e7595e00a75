/// An option a format takes on the command line as `--option key=value`.
public struct FormatOption: Sendable, Hashable {
    public let key: String
    /// What the option does.
    public let summary: String
    /// The values it accepts; empty when any text is accepted.
    public let values: [String]
    /// The value used when the option is not given, if any.
    public let defaultValue: String?

    public init(key: String, summary: String, values: [String] = [], defaultValue: String? = nil) {
        self.key = key
        self.summary = summary
        self.values = values
        self.defaultValue = defaultValue
    }

    /// Checks `--option` pairs against the options a set of formats declare: every problem, not only the first.
    public static func problems(in given: [String: String], declaredBy formats: [any DatasetFormat]) -> [String] {
        let declared = formats.flatMap { $0.descriptor.options }
        var problems: [String] = []
        for key in given.keys.sorted() {
            let matching = declared.filter { $0.key == key }
            guard !matching.isEmpty else {
                let known = Set(declared.map(\.key)).sorted()
                problems.append(
                    "unknown option '\(key)'; "
                        + (known.isEmpty ? "these formats take no options" : "known: \(known.joined(separator: ", "))"))
                continue
            }
            let value = given[key] ?? ""
            if matching.allSatisfy({ !$0.values.isEmpty && !$0.values.contains(value) }) {
                let allowed = Set(matching.flatMap(\.values)).sorted()
                problems.append("option '\(key)' does not take '\(value)'; it takes \(allowed.joined(separator: ", "))")
            }
        }
        return problems
    }
}
