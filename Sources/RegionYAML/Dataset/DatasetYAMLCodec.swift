public import RegionSchema

/// Reads a dataset from YAML and writes it back in its canonical form: tables and keys in catalogue order, the same bytes on every run.
public enum DatasetYAMLCodec {
    /// The result of reading a YAML dataset: what could be read, and every problem found on the way.
    public struct Decoded: Sendable {
        public var dataset: Dataset
        public var findings: [Finding]
    }

    /// The top-level key that holds the schema version.
    public static let versionKey = "regionkit"

    // MARK: Reading

    /// Parses and decodes a YAML dataset from bytes. Syntax errors throw; every other problem is a located finding.
    public static func decode(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> Decoded {
        try decode(.bytes(bytes, name: file), limits: limits)
    }

    /// Parses and decodes a YAML dataset from an input, building rows straight from the parser's events: no node
    /// tree, and of a file only a chunk and the text of the last few nodes are in memory at a time. Syntax errors
    /// and exceeded limits throw (`limits.maxNodes` does not apply: no tree is built); every other problem is a
    /// located finding.
    ///
    /// With `locatesFields` false, records keep only their own location, not one per field: less than half the
    /// memory, for a dataset expected to be valid (a finding then points at its row; read again to point at fields).
    public static func decode(_ input: YAMLInput, limits: YAMLLimits = .default, locatesFields: Bool = true) throws(YAMLError)
        -> Decoded
    {
        defer { JobProgress.end() }
        let events = try YAMLDocumentEvents(input, limits: limits, maxNodes: nil)
        var decoder = DatasetDecoder(events: events, file: input.name, locatesFields: locatesFields)
        let dataset = try decoder.decode()
        return Decoded(dataset: dataset, findings: decoder.findings)
    }

    // MARK: Writing

    /// The canonical YAML text of a dataset, written row by row (no node tree is built).
    public static func encode(_ dataset: Dataset) throws(YAMLError) -> String {
        try YAMLWriter.document { emitter throws(YAMLError) in
            try emitter.mappingStart(tag: nil)
            try emitter.scalar(versionKey, style: .plain, tag: nil)
            try emitter.scalar(dataset.schemaVersion, style: .doubleQuoted, tag: nil)
            let total = dataset.rowCount
            var written = 0
            defer { JobProgress.end() }
            for spec in DatasetSchema.tables {
                try emitter.scalar(spec.id.rawValue, style: .plain, tag: nil)
                try emitter.sequenceStart(tag: nil)
                for record in dataset[spec.id] {
                    written += 1
                    if JobProgress.isDue(written) {
                        JobProgress.report("encoding the dataset as YAML", rows: written, done: written, total: total)
                    }
                    try emit(record, spec: spec, to: emitter)
                }
                try emitter.sequenceEnd()
            }
            try emitter.mappingEnd()
        }
    }

    /// The canonical YAML text of one table holding `records`, as `encode` writes its entry in a whole dataset:
    /// `table:` and a line per key of each row, or `table: []` without rows. Its rows are, byte for byte, the lines
    /// those rows have in the whole dataset's text.
    public static func encode(_ records: some Sequence<Record>, table: TableID) throws(YAMLError) -> String {
        let spec = DatasetSchema.table(table)
        return try YAMLWriter.document { emitter throws(YAMLError) in
            try emitter.mappingStart(tag: nil)
            try emitter.scalar(table.rawValue, style: .plain, tag: nil)
            try emitter.sequenceStart(tag: nil)
            for record in records {
                try emit(record, spec: spec, to: emitter)
            }
            try emitter.sequenceEnd()
            try emitter.mappingEnd()
        }
    }

    /// Writes one row: its fields in catalogue order, empty ones left out.
    private static func emit(_ record: Record, spec: TableSpec, to emitter: LibYAMLEmitter) throws(YAMLError) {
        try emitter.mappingStart(tag: nil)
        for field in spec.fields {
            guard let value = record[field.key] else { continue }
            try emitter.scalar(field.key, style: .plain, tag: nil)
            try emit(value, field: field, to: emitter)
        }
        try emitter.mappingEnd()
    }

    static func emit(_ value: Value, field: FieldSpec, to emitter: LibYAMLEmitter) throws(YAMLError) {
        switch value {
        case .number(let number):
            try emitter.scalar(Value.format(number), style: .plain, tag: nil)
        case .date(let date):
            try emitter.scalar(date.description, style: .doubleQuoted, tag: nil)
        case .list(let items):
            try emitter.sequenceStart(tag: nil)
            for item in items {
                try emitter.scalar(item, style: plainIsSafe(item) ? .plain : .doubleQuoted, tag: nil)
            }
            try emitter.sequenceEnd()
        case .text(let text):
            try emitter.scalar(text, style: field.key == "quote" || !plainIsSafe(text) ? .doubleQuoted : .plain, tag: nil)
        }
    }

    /// Whether a text written plain reads back as the same text in YAML 1.1 and 1.2 readers (no number, date, bool or null).
    static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if "0123456789+-.~".unicodeScalars.contains(first) { return false }
        return text.utf8.count > longestReservedWord || !reservedWords.contains(text.lowercased())
    }

    /// YAML 1.1 booleans and null, its value key `=` and its merge key `<<`: PyYAML and ruamel read them as such.
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "=", "<<",
    ]
    private static let longestReservedWord = reservedWords.map(\.utf8.count).max() ?? 0
}
