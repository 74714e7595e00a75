/// Makes large, valid datasets for benchmarks and stress tests: the real sources, countries and organizations, and
/// an indicators table of any size, the same for the same seed.
///
/// The figures are synthetic (each row's note says so) and cite real quotes of the source, so the dataset validates.
/// Notes are 0 to 80 characters with Cyrillic text, commas and quotes; about 1 % hold a line break and about 0.1 %
/// start with `=` or `+`, as spreadsheet users type them.
public struct DatasetGenerator: Sendable {
    public struct Options: Sendable {
        /// The number of indicator rows.
        public var indicators: Int
        public var seed: UInt64

        public init(indicators: Int, seed: UInt64 = 1) {
            self.indicators = indicators
            self.seed = seed
        }
    }

    /// The synthetic indicators: key, unit, and the range of values.
    static let catalogue: [(key: String, unit: String, range: ClosedRange<Int>)] = [
        ("trade_turnover", "USD million", 1...40_000),
        ("exports_to_russia", "USD million", 1...20_000),
        ("imports_from_russia", "USD million", 1...20_000),
        ("investment_from_russia", "USD million", 0...5_000),
        ("remittances_from_russia", "USD million", 0...8_000),
        ("students_in_russia", "persons", 0...80_000),
        ("labour_migrants_in_russia", "persons", 0...2_000_000),
        ("military_trainees_in_russia", "persons", 0...3_000),
        ("gas_exports", "bcm", 0...60),
        ("russian_speakers_share", "percent", 0...100),
    ]

    static let words = [
        "synthetic", "estimate", "revised", "preliminary", "official data", "торговля", "инвестиции", "студенты",
        "мигранты", "газ", "Ташкент", "Бишкек", "Душанбе", "Ашхабад", "Астана", "see \"methods\"", "incl. re-exports",
        "by partner", "Q4", "excl. services",
    ]

    public var options: Options

    public init(options: Options) {
        self.options = options
    }

    /// The generated dataset, built on `real`'s sources, countries and organizations.
    public func generate(from real: Dataset) -> Dataset {
        var random = SplitMix64(seed: options.seed)
        var dataset = real
        let countries = real[.countries].compactMap(\.id)
        let quotes = TableID.allCases.flatMap { table in
            real[table].compactMap { row -> (String, String)? in
                guard let source = row["source"]?.text, let quote = row["quote"]?.text else { return nil }
                return (source, quote)
            }
        }
        guard !countries.isEmpty, !quotes.isEmpty else { return dataset }
        var rows: [Record] = []
        rows.reserveCapacity(options.indicators)
        for index in 0..<options.indicators {
            let indicator = random.pick(Self.catalogue)
            let country = random.pick(countries)
            let (source, quote) = random.pick(quotes)
            var values: [String: Value] = [
                "id": .text("gen-" + String(index).leftPadded(to: 7)),
                "country": .text(country),
                "indicator": .text(indicator.key),
                "unit": .text(indicator.unit),
                "source": .text(source),
                "quote": .text(quote),
            ]
            if let year = PartialDate(year: random.int(in: 1991...2025)) { values["date"] = .date(year) }
            if country != "RUS" { values["partner"] = .text("RUS") }
            if !random.chance(0.05) {
                let whole = random.int(in: indicator.range)
                values["value"] = .number(random.chance(0.5) ? Double(whole) : Double(whole) + Double(random.int(in: 1...99)) / 100)
            }
            if random.chance(0.03) { values["qualifier"] = .text(random.pick(["about", "more than"])) }
            if let note = note(&random) { values["note"] = .text(note) }
            rows.append(Record(values))
        }
        dataset[.indicators] = rows
        return dataset
    }

    func note(_ random: inout SplitMix64) -> String? {
        let length = random.int(in: 0...80)
        guard length > 0 else { return nil }
        var text = ""
        if random.chance(0.001) { text = random.pick(["=", "+"]) + random.pick(["1+1", "SUM(A1:A3)", "7 (rounded)"]) + " " }
        while text.count < length {
            text += random.pick(Self.words)
            text += random.chance(0.01) ? "\n" : random.pick([" ", ", ", "; "])
        }
        let trimmed = String(text.prefix(length)).trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
