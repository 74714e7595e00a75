import RegionKit
import RegionSchema

/// Generates valid datasets from a seed, driven by the schema catalogue: every table gets rows, every field of every
/// table is filled (optional ones most of the time) with a value of its type, pattern, closed list, range and
/// length, mostly awkward ones (`AwkwardValues`). Rows then satisfy the rules that span fields and rows: ids are
/// unique, references name existing rows, periods do not end before they begin, an indicator key has one unit, a
/// capital's coordinates come in pairs and with its name, and every quote is in its source's text file
/// (`GeneratedDataset.sourceFiles`).
///
/// The same seed gives the same dataset on every run and platform.
public struct DatasetCaseGenerator: Sendable {
    /// The most rows of each table.
    public var maxRows: Int

    public init(maxRows: Int = 3) {
        self.maxRows = maxRows
    }

    /// The dataset of a seed.
    public func generate(seed: UInt64) -> GeneratedDataset {
        var values = FieldValues(seed: seed)
        var dataset = Dataset()
        for spec in DatasetSchema.tables {
            let count = values.rng.int(in: 1...max(1, maxRows))
            for _ in 0..<count {
                var record = Record()
                for field in spec.fields {
                    if !field.required && values.rng.chance(0.25) { continue }
                    record[field.key] = values.value(for: field, in: spec.id, dataset: dataset)
                }
                if let id = record.id { values.ids[spec.id, default: []].insert(id) }
                dataset[spec.id].append(values.fixed(record, in: spec.id))
            }
        }
        return GeneratedDataset(seed: seed, dataset: dataset)
    }

    /// One cell of `generated` given a new valid value (or emptied, when optional), chosen by `seed`: the edited
    /// dataset and the edit. Fields in `excluded` are not edited. Nil when no valid edit was found.
    public func edit(_ generated: GeneratedDataset, seed: UInt64, excluding excluded: Set<String> = []) throws -> CellEdit? {
        var values = FieldValues(seed: seed ^ 0x5EED_ED17)
        for spec in DatasetSchema.tables {
            values.ids[spec.id] = Set(generated.dataset[spec.id].compactMap(\.id))
        }
        for record in generated.dataset[.indicators] {
            if let key = record["indicator"]?.text, let unit = record["unit"]?.text { values.units[key] = unit }
        }
        let tables = TableID.allCases.filter { !generated.dataset[$0].isEmpty }
        for _ in 0..<60 {
            let table = values.rng.pick(tables)
            let spec = DatasetSchema.table(table)
            let row = values.rng.int(in: 0...(generated.dataset[table].count - 1))
            let field = values.rng.pick(spec.fields.filter { !excluded.contains($0.key) })
            let old = generated.dataset[table][row][field.key]
            let new: Value? =
                !field.required && old != nil && values.rng.chance(0.2)
                ? nil : values.value(for: field, in: table, dataset: generated.dataset)
            guard new != old, let id = generated.dataset[table][row].id else { continue }
            var edited = generated.dataset
            edited[table][row][field.key] = new
            let both = GeneratedDataset(seed: generated.seed, dataset: generated.dataset, alsoQuoted: [edited])
            let after = GeneratedDataset(seed: generated.seed, dataset: edited, alsoQuoted: [generated.dataset])
            guard try both.errors().isEmpty, try after.errors().isEmpty else { continue }
            return CellEdit(table: table, row: row, id: id, field: field.key, old: old, new: new, edited: edited)
        }
        return nil
    }
}

/// One cell changed: where, from what, to what, and the dataset after the change.
public struct CellEdit: Sendable {
    public var table: TableID
    /// The row's position in its table.
    public var row: Int
    /// The row's id before the edit.
    public var id: String
    public var field: String
    public var old: Value?
    public var new: Value?
    public var edited: Dataset

    public var description: String {
        "\(table) \(id) \(field): \(old.map(PropertyText.show) ?? "(empty)") → \(new.map(PropertyText.show) ?? "(empty)")"
    }
}

/// Renders values in failure messages, control characters and line breaks visible.
public enum PropertyText {
    public static func show(_ value: Value) -> String {
        switch value {
        case .text(let text): return quoted(text)
        case .number(let number): return "\(number)"
        case .date(let date): return date.description
        case .list(let items): return "[" + items.map(quoted).joined(separator: ", ") + "]"
        }
    }

    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// Makes one field's value at a time, with what the rules that span rows need to know.
struct FieldValues {
    var rng: SplitMix64
    /// The ids of each table so far.
    var ids: [TableID: Set<String>] = [:]
    /// The unit of each indicator key so far.
    var units: [String: String] = [:]

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
    }

    mutating func value(for field: FieldSpec, in table: TableID, dataset: Dataset) -> Value {
        switch field.type {
        case .number:
            return .number(number(for: field))
        case .date:
            return .date(date())
        case .list(let element):
            let count = rng.int(in: 1...3)
            var items: [String] = []
            for _ in 0..<count {
                let item = text(of: element, for: field, in: table, dataset: dataset)
                if !items.contains(item) { items.append(item) }
            }
            return .list(items)
        case .text, .enumeration, .reference:
            if field.key == "id" { return .text(newID(for: field, in: table)) }
            return .text(text(of: field.type, for: field, in: table, dataset: dataset))
        }
    }

    mutating func text(of type: FieldType, for field: FieldSpec, in table: TableID, dataset: Dataset) -> String {
        switch type {
        case .enumeration(let domain):
            return rng.pick(domain.values)
        case .reference(let target):
            let known = dataset[target].compactMap(\.id)
            return known.isEmpty ? "missing" : rng.pick(known)
        default:
            break
        }
        if table == .sources && field.key == "text" {
            let taken = Set(dataset[.sources].compactMap { $0["text"]?.text })
            let name = rng.pick(AwkwardValues.fileNames)
            return taken.contains(name) ? "\(taken.count)-" + name : name
        }
        switch field.pattern {
        case .some(.alpha3): return letters(3, from: AwkwardValues.alpha3)
        case .some(.alpha2): return letters(2, from: AwkwardValues.alpha2)
        case .some(.key): return rng.chance(0.6) ? rng.pick(AwkwardValues.keys) : "k" + word(lowercase: true)
        case .some(.url): return rng.pick(AwkwardValues.urls) + (rng.chance(0.5) ? "" : word(lowercase: false))
        case .some(.slug): return slug(maxLength: field.maxLength)
        default: return freeText(for: field)
        }
    }

    /// A new id, unique in its table.
    mutating func newID(for field: FieldSpec, in table: TableID) -> String {
        let taken = ids[table] ?? []
        for _ in 0..<200 {
            let candidate: String
            switch field.pattern {
            case .some(.alpha3): candidate = letters(3, from: AwkwardValues.alpha3)
            default: candidate = slug(maxLength: field.maxLength)
            }
            if !taken.contains(candidate) { return candidate }
        }
        return "id-\(taken.count)-\(rng.next() % 1_000_000)"
    }

    mutating func letters(_ count: Int, from pool: [String]) -> String {
        if rng.chance(0.5) { return rng.pick(pool) }
        return String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(65 + rng.int(in: 0...25)))) })
    }

    mutating func word(lowercase: Bool) -> String {
        let letters = lowercase ? "abcdefghijklmnopqrstuvwxyz0123456789" : "abcXYZ019_-.~%"
        return String((0..<rng.int(in: 1...8)).map { _ in rng.pick(Array(letters)) })
    }

    mutating func slug(maxLength: Int?) -> String {
        if rng.chance(0.1), let maxLength {
            var text = ""
            while text.count < maxLength { text += text.isEmpty ? "a" : (text.count % 9 == 8 ? "-" : "0") }
            return String(text.prefix(maxLength))
        }
        if rng.chance(0.6) { return rng.pick(AwkwardValues.slugs) }
        return (0..<rng.int(in: 1...3)).map { _ in word(lowercase: true) }.joined(separator: "-")
    }

    /// A free text: awkward pieces, or a text at the field's maximum length, or a long one.
    mutating func freeText(for field: FieldSpec) -> String {
        let mode = rng.int(in: 0...99)
        var text: String
        if let maxLength = field.maxLength, mode < 12 {
            text = atLength(maxLength)
        } else if let maxLength = field.maxLength, mode < 22 {
            // Emoji and combining marks, as many characters as the field allows: several code points each.
            let unit = rng.pick(["👨‍👩‍👧‍👦", "e\u{301}", "🇰🇿", "a\u{308}\u{332}", "👍🏽"])
            text = String(repeating: unit, count: maxLength)
            // As long as the validator allows, whichever way it counts.
            while !text.isEmpty && FieldRule.problems(of: .text(text), for: field).contains(where: { $0.code == "length" }) {
                text.removeLast()
            }
        } else if field.maxLength == nil, mode < 8 {
            text = ""
            while text.unicodeScalars.count < 600 { text += rng.pick(AwkwardValues.pieces) + rng.pick(AwkwardValues.glue) }
        } else if mode < 45 {
            text = rng.pick(AwkwardValues.wholeTexts)
        } else {
            text = rng.pick(AwkwardValues.wholeTexts)
            for _ in 0..<rng.int(in: 1...3) { text += rng.pick(AwkwardValues.glue) + rng.pick(AwkwardValues.pieces) }
        }
        if let maxLength = field.maxLength {
            while text.unicodeScalars.count > maxLength
                && FieldRule.problems(of: .text(text), for: field).contains(where: { $0.code == "length" })
            {
                text.removeLast()
            }
        }
        return Self.trimmed(text)
    }

    /// A text of exactly `length` code points (and so at most `length` characters).
    mutating func atLength(_ length: Int) -> String {
        var scalars = String.UnicodeScalarView()
        let filler = Array((rng.pick(AwkwardValues.wholeTexts) + " Lorem ipsum, dolor; \"sit\" amet. ").unicodeScalars)
        var index = 0
        while scalars.count < length {
            scalars.append(filler[index % filler.count])
            index += 1
        }
        var text = String(scalars)
        while let last = text.last, last.isWhitespace || last.unicodeScalars.count > 1 {
            text.removeLast()
        }
        while text.unicodeScalars.count < length { text += "." }
        return text
    }

    /// The text without leading or trailing white space, never empty.
    static func trimmed(_ text: String) -> String {
        var text = Substring(text)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text.isEmpty ? "x" : String(text)
    }

    mutating func number(for field: FieldSpec) -> Double {
        if let minimum = field.minimum, let maximum = field.maximum {
            let edges = AwkwardValues.numbers.filter { $0 >= minimum && $0 <= maximum } + [minimum, maximum]
            if rng.chance(0.5) { return rng.pick(edges) }
            return Double(rng.int(in: Int(minimum * 1e6)...Int(maximum * 1e6))) / 1e6
        }
        switch rng.int(in: 0...2) {
        case 0:
            return rng.pick(AwkwardValues.numbers)
        case 1:
            let digits = rng.int(in: 1...15)
            let magnitude = rng.int(in: 0...(Int(pow10(digits)) - 1))
            return Double(rng.chance(0.3) ? -magnitude : magnitude)
        default:
            let digits = rng.int(in: 1...15)
            let mantissa = Double(rng.int(in: 1...(Int(pow10(digits)) - 1)))
            return mantissa / pow10(rng.int(in: 0...digits + 3))
        }
    }

    private func pow10(_ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// An awkward date, or one of 1800 to 2100 known to the year, the month or the day.
    mutating func date() -> PartialDate {
        while true {
            if rng.chance(0.4), let date = PartialDate(iso: rng.pick(AwkwardValues.dates)) { return date }
            let year = rng.int(in: 1800...2100)
            let month = rng.int(in: 1...12)
            let date: PartialDate?
            switch rng.int(in: 0...2) {
            case 0: date = PartialDate(year: year)
            case 1: date = PartialDate(year: year, month: month)
            default: date = PartialDate(year: year, month: month, day: rng.int(in: 1...28))
            }
            if let date { return date }
        }
    }

    /// The record changed so that the rules that span fields hold: coordinates in pairs and with the capital's
    /// name, periods in order, one unit per indicator key.
    mutating func fixed(_ record: Record, in table: TableID) -> Record {
        var record = record
        if table == .countries {
            let field = DatasetSchema.table(.countries)
            if record.has("capital_longitude") != record.has("capital_latitude") {
                for key in ["capital_longitude", "capital_latitude"] where !record.has(key) {
                    if let spec = field.field(key) { record[key] = .number(number(for: spec)) }
                }
            }
            if record.has("capital_longitude") && !record.has("capital"), let spec = field.field("capital") {
                record["capital"] = .text(freeText(for: spec))
            }
        }
        for (start, end) in [("from", "to"), ("date", "end")] {
            if let first = record[start]?.date, let last = record[end]?.date, !first.mayPrecedeOrEqual(last) {
                record[start] = .date(last)
                record[end] = .date(first)
            }
        }
        if table == .indicators, let key = record["indicator"]?.text {
            if let unit = units[key] {
                record["unit"] = .text(unit)
            } else if let unit = record["unit"]?.text {
                units[key] = unit
            }
        }
        return record
    }
}
