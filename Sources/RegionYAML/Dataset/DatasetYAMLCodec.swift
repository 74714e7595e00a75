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

    /// Parses and decodes a YAML dataset. Syntax errors throw; every other problem is a located finding.
    public static func decode(_ bytes: [UInt8], file: String, limits: YAMLLimits = .default) throws(YAMLError) -> Decoded {
        let root = try YAMLReader.parse(bytes, file: file, limits: limits)
        return decode(root, file: file)
    }

    /// Decodes a parsed YAML document into a dataset, reporting every problem.
    public static func decode(_ root: YAMLNode?, file: String) -> Decoded {
        var decoder = Decoder(file: file)
        let dataset = decoder.decodeRoot(root)
        return Decoded(dataset: dataset, findings: decoder.findings)
    }

    // MARK: Writing

    /// The canonical YAML text of a dataset.
    public static func encode(_ dataset: Dataset) throws(YAMLError) -> String {
        try YAMLWriter.emit(node(for: dataset))
    }

    /// The canonical YAML node tree of a dataset.
    public static func node(for dataset: Dataset) -> YAMLNode {
        var pairs: [YAMLPair] = [YAMLPair(key: .scalar(versionKey), value: .scalar(dataset.schemaVersion, style: .doubleQuoted))]
        for spec in DatasetSchema.tables {
            let rows = dataset[spec.id].map { record in
                YAMLNode.mapping(spec.fields.compactMap { field in
                    record[field.key].map { YAMLPair(key: .scalar(field.key), value: node(for: $0, field: field)) }
                })
            }
            pairs.append(YAMLPair(key: .scalar(spec.id.rawValue), value: .sequence(rows)))
        }
        return .mapping(pairs)
    }

    static func node(for value: Value, field: FieldSpec) -> YAMLNode {
        switch value {
        case .number(let number):
            return .scalar(Value.format(number))
        case .date(let date):
            return .scalar(date.description, style: .doubleQuoted)
        case .list(let items):
            return .sequence(items.map { .scalar($0, style: plainIsSafe($0) ? .plain : .doubleQuoted) })
        case .text(let text):
            let style: YAMLScalarStyle = field.key == "quote" || !plainIsSafe(text) ? .doubleQuoted : .plain
            return .scalar(text, style: style)
        }
    }

    /// Whether a text written plain reads back as the same text in YAML 1.1 and 1.2 readers (no number, date, bool or null).
    static func plainIsSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if "0123456789+-.~".unicodeScalars.contains(first) { return false }
        let reserved: Set<String> = [
            "y", "n", "yes", "no", "true", "false", "on", "off", "null",
        ]
        return !reserved.contains(text.lowercased())
    }
}
