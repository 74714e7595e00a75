import RegionSchema

/// Builds the dataset straight from a YAML document's events, table by table and row by row, without a node tree,
/// collecting a finding for every problem. What it skips (an unknown table or field, a duplicate key, a value of
/// the wrong shape) is read past event by event, so the whole document is still checked for well-formedness.
struct DatasetDecoder {
    let file: String
    private(set) var findings: [Finding] = []
    private var events: YAMLDocumentEvents
    /// Whether each record keeps the location of each of its fields, or only its own.
    private let locatesFields: Bool
    /// Rows read so far, of every table, for progress reports.
    private var rowsRead = 0

    init(events: YAMLDocumentEvents, file: String, locatesFields: Bool) {
        self.events = events
        self.file = file
        self.locatesFields = locatesFields
    }

    // MARK: Document

    /// Reads the whole stream into a dataset.
    mutating func decode() throws(YAMLError) -> Dataset {
        var dataset = Dataset(schemaVersion: "")
        guard let root = try events.next() else {
            findings.append(
                Finding(
                    code: "yaml.empty", message: "the file holds no YAML document",
                    location: Location(file: file), hint: "a dataset starts with 'regionkit: \"\(DatasetSchema.version)\"'"))
            return dataset
        }
        guard try expectMapping(root, what: "the dataset") else {
            try events.finish()
            return dataset
        }
        var seen = SeenKeys()
        var sawVersion = false
        while let key = try nextKey(seen: &seen) {
            let value = try events.nextInCollection()
            if key.text == DatasetYAMLCodec.versionKey {
                sawVersion = true
                try decodeVersion(value, into: &dataset)
            } else if let table = TableID(rawValue: key.text) {
                dataset[table] = try decodeTable(table, value)
            } else {
                report(
                    "schema.unknown-table", "unknown table '\(key.text)'", at: key.mark,
                    hint: Suggestion.hint(for: key.text, in: TableID.allCases.map(\.rawValue)))
                try events.skip(value)
            }
        }
        if !sawVersion {
            report(
                "schema.version", "the dataset does not say its schema version", at: root.mark,
                hint: "add 'regionkit: \"\(DatasetSchema.version)\"' as its first line")
        }
        try events.finish()
        return dataset
    }

    private mutating func decodeVersion(_ event: YAMLNodeEvent, into dataset: inout Dataset) throws(YAMLError) {
        guard let version = event.scalarValue else {
            report("schema.version", "the schema version must be a text such as \"\(DatasetSchema.version)\"", at: event.mark)
            try events.skip(event)
            return
        }
        dataset.schemaVersion = version
        if version != DatasetSchema.version {
            report(
                "schema.version", "schema version '\(version)' is not supported; this RegionKit reads version \(DatasetSchema.version)",
                at: event.mark)
        }
    }

    // MARK: Tables and rows

    private mutating func decodeTable(_ table: TableID, _ event: YAMLNodeEvent) throws(YAMLError) -> [Record] {
        if event.isNull { return [] }
        guard case .sequenceStart = event.kind else {
            report("schema.type", "\(table) must be a list of rows", at: event.mark, hint: "start each row with '- '")
            try events.skip(event)
            return []
        }
        let spec = DatasetSchema.table(table)
        var records: [Record] = []
        while let row = try nextItem() {
            if let record = try decodeRow(spec, row) {
                records.append(record)
            }
            rowsRead += 1
            if JobProgress.isDue(rowsRead) {
                JobProgress.report("reading \(file)", rows: rowsRead, done: row.mark.offset, total: events.parser.inputSize)
            }
        }
        return records
    }

    private mutating func decodeRow(_ spec: TableSpec, _ event: YAMLNodeEvent) throws(YAMLError) -> Record? {
        guard try expectMapping(event, what: "a row of \(spec.id)") else { return nil }
        var record = Record(location: location(event.mark))
        record.values.reserveCapacity(spec.fields.count)
        if locatesFields { record.fieldLocations.reserveCapacity(spec.fields.count) }
        var seen = SeenKeys()
        while let key = try nextKey(seen: &seen) {
            let value = try events.nextInCollection()
            guard let field = spec.field(key.text) else {
                report(
                    "schema.unknown-field", "\(spec.id): unknown field '\(key.text)'", at: key.mark,
                    hint: Suggestion.hint(for: key.text, in: spec.keys))
                try events.skip(value)
                continue
            }
            // The catalogue's key, not the event's text: records then share one copy of each key.
            if locatesFields { record.fieldLocations[field.key] = location(value.mark) }
            if let decoded = try decodeValue(field, value) {
                record[field.key] = decoded
            } else if !value.isNull {
                record.unreadable.insert(field.key)
            }
        }
        return record
    }

    // MARK: Values

    /// The value of a field from the node `event` starts, reading the rest of the node; nil (with a finding unless
    /// the node is null) when it cannot be read.
    private mutating func decodeValue(_ field: FieldSpec, _ event: YAMLNodeEvent) throws(YAMLError) -> Value? {
        if event.isNull { return nil }
        if field.type.isList {
            return try decodeList(field, event)
        }
        guard case .scalar(let text, let style) = event.kind else {
            report("schema.type", "\(field.key): expected \(field.type.name), found a \(event.kindName)", at: event.mark)
            try events.skip(event)
            return nil
        }
        switch field.type {
        case .number:
            guard style == .plain else {
                report(
                    "schema.type", "\(field.key): expected a number, found the text '\(text)'", at: event.mark,
                    hint: FieldSpec.parseNumber(text) != nil ? "remove the quotes" : nil)
                return nil
            }
        case .date:
            if style == .plain && PartialDate(iso: text) != nil {
                report(
                    "yaml.unquoted-date",
                    "\(field.key): the date \(text) is not quoted; other YAML readers take it for a number or a timestamp",
                    at: event.mark, severity: .warning, hint: "write \"\(text)\"")
            }
        case .text, .enumeration, .reference:
            if style == .plain, event.tag == nil, let kind = PlainScalar.nonText(text) {
                report(
                    "schema.type",
                    "\(field.key): expected \(field.type.name), found \(kind) \(text); YAML readers take it for \(kind == "null" ? "no value" : kind), not for text",
                    at: event.mark, hint: "write it in quotes: \"\(text)\"")
                return nil
            }
        case .list:
            break
        }
        switch field.parse(text) {
        case .success(let value):
            if case .number(let number) = value, let held = NumberPrecision.loss(in: text, readAs: number) {
                report(
                    "schema.precision", NumberPrecision.message(field: field.key, text: text, readAs: held), at: event.mark,
                    severity: .warning, hint: NumberPrecision.hint(readAs: held))
            }
            return value
        case .failure(let error):
            report("schema.\(field.type == .date ? "date" : "type")", "\(field.key): \(error.message)", at: event.mark)
            return nil
        }
    }

    private mutating func decodeList(_ field: FieldSpec, _ event: YAMLNodeEvent) throws(YAMLError) -> Value? {
        guard case .sequenceStart = event.kind else {
            report(
                "schema.type", "\(field.key): expected \(field.type.name)", at: event.mark,
                hint: "write a list, such as [\(event.scalarValue ?? "a"), …]")
            try events.skip(event)
            return nil
        }
        var values: [String] = []
        while let item = try nextItem() {
            guard case .scalar(let text, let style) = item.kind, !item.isNull else {
                report("schema.type", "\(field.key): list items must be single values", at: item.mark)
                try events.skip(item)
                continue
            }
            if style == .plain, item.tag == nil, let kind = PlainScalar.nonText(text) {
                report(
                    "schema.type",
                    "\(field.key): list items are texts; \(text) is \(kind) to YAML readers",
                    at: item.mark, hint: "write it in quotes: \"\(text)\"")
                continue
            }
            values.append(text)
        }
        return .list(values)
    }

    // MARK: Collections

    /// Whether `event` starts a mapping; otherwise reports that `what` must be one and reads past the node.
    private mutating func expectMapping(_ event: YAMLNodeEvent, what: String) throws(YAMLError) -> Bool {
        if case .mappingStart = event.kind { return true }
        report("schema.type", "\(what) must be a mapping of keys to values", at: event.mark)
        try events.skip(event)
        return false
    }

    /// The first event of the next item of the open sequence, or nil at its end.
    private mutating func nextItem() throws(YAMLError) -> YAMLNodeEvent? {
        let event = try events.nextInCollection()
        if case .sequenceEnd = event.kind { return nil }
        return event
    }

    /// The next usable key of the open mapping, or nil at its end. Keys that are not scalars and keys seen before
    /// are reported and skipped with their values; the first of two equal keys is the one used.
    private mutating func nextKey(seen: inout SeenKeys) throws(YAMLError) -> (text: String, mark: YAMLMark)? {
        while true {
            let key = try events.nextInCollection()
            switch key.kind {
            case .mappingEnd:
                return nil
            case .scalar(let text, _):
                guard let first = seen.mark(of: text) else {
                    seen.insert(text, at: key.mark)
                    return (text, key.mark)
                }
                report(
                    "yaml.duplicate-key", "duplicate key '\(text)' (first at line \(first.line))", at: key.mark,
                    hint: "keep one of the two; the first is used")
            default:
                report("yaml.key", "keys must be plain texts", at: key.mark)
                try events.skip(key)
            }
            try events.skip(try events.nextInCollection())
        }
    }

    // MARK: Findings

    private func location(_ mark: YAMLMark) -> Location {
        Location(file: file, line: mark.line, column: mark.column)
    }

    private mutating func report(
        _ code: String, _ message: String, at mark: YAMLMark, severity: Finding.Severity = .error, hint: String? = nil
    ) {
        findings.append(Finding(code: code, severity: severity, message: message, location: location(mark), hint: hint))
    }
}

/// The keys of one mapping read so far, with where each stands. A row has a dozen keys at most, so a short list
/// searched from the start costs less than hashing every key; a longer mapping switches to a dictionary.
private struct SeenKeys {
    private static let listLimit = 32
    private var list: [(text: String, mark: YAMLMark)] = []
    private var dictionary: [String: YAMLMark] = [:]

    func mark(of text: String) -> YAMLMark? {
        list.count < Self.listLimit ? list.first { $0.text == text }?.mark : dictionary[text]
    }

    mutating func insert(_ text: String, at mark: YAMLMark) {
        if list.count < Self.listLimit {
            if list.isEmpty {
                list.reserveCapacity(16)
            }
            list.append((text, mark))
            if list.count == Self.listLimit {
                dictionary = Dictionary(list.map { ($0.text, $0.mark) }) { first, _ in first }
            }
        } else {
            dictionary[text] = mark
        }
    }
}
