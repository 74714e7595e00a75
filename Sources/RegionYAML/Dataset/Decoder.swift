import RegionSchema

/// Walks a YAML document and builds the dataset, collecting a finding for every problem.
struct Decoder {
    let file: String
    var findings: [Finding] = []

    init(file: String) {
        self.file = file
    }

    func location(_ node: YAMLNode) -> Location {
        Location(file: file, line: node.mark.line, column: node.mark.column)
    }

    mutating func report(_ code: String, _ message: String, at node: YAMLNode, severity: Finding.Severity = .error, hint: String? = nil) {
        findings.append(Finding(code: code, severity: severity, message: message, location: location(node), hint: hint))
    }

    mutating func decodeRoot(_ root: YAMLNode?) -> Dataset {
        var dataset = Dataset(schemaVersion: "")
        guard let root else {
            findings.append(Finding(
                code: "yaml.empty", message: "the file holds no YAML document",
                location: Location(file: file), hint: "a dataset starts with 'regionkit: \"\(DatasetSchema.version)\"'"))
            return dataset
        }
        guard let pairs = uniquePairs(of: root, what: "the dataset") else { return dataset }
        var sawVersion = false
        for pair in pairs {
            guard let key = pair.key.scalarValue else { continue }
            if key == DatasetYAMLCodec.versionKey {
                sawVersion = true
                decodeVersion(pair.value, into: &dataset)
            } else if let table = TableID(rawValue: key) {
                dataset[table] = decodeTable(table, pair.value)
            } else {
                report(
                    "schema.unknown-table", "unknown table '\(key)'", at: pair.key,
                    hint: Suggestion.hint(for: key, in: TableID.allCases.map(\.rawValue)))
            }
        }
        if !sawVersion {
            report(
                "schema.version", "the dataset does not say its schema version", at: root,
                hint: "add 'regionkit: \"\(DatasetSchema.version)\"' as its first line")
        }
        return dataset
    }

    mutating func decodeVersion(_ node: YAMLNode, into dataset: inout Dataset) {
        guard let version = node.scalarValue else {
            report("schema.version", "the schema version must be a text such as \"\(DatasetSchema.version)\"", at: node)
            return
        }
        dataset.schemaVersion = version
        if version != DatasetSchema.version {
            report(
                "schema.version", "schema version '\(version)' is not supported; this RegionKit reads version \(DatasetSchema.version)",
                at: node)
        }
    }

    mutating func decodeTable(_ table: TableID, _ node: YAMLNode) -> [Record] {
        if node.isNull { return [] }
        guard case .sequence(let items) = node.content else {
            report("schema.type", "\(table) must be a list of rows", at: node, hint: "start each row with '- '")
            return []
        }
        let spec = DatasetSchema.table(table)
        return items.compactMap { decodeRow(spec, $0) }
    }

    mutating func decodeRow(_ spec: TableSpec, _ node: YAMLNode) -> Record? {
        guard let pairs = uniquePairs(of: node, what: "a row of \(spec.id)") else { return nil }
        var record = Record(location: location(node))
        for pair in pairs {
            guard let key = pair.key.scalarValue else { continue }
            guard let field = spec.field(key) else {
                report(
                    "schema.unknown-field", "\(spec.id): unknown field '\(key)'", at: pair.key,
                    hint: Suggestion.hint(for: key, in: spec.keys))
                continue
            }
            record.fieldLocations[key] = location(pair.value)
            if let value = decodeValue(field, pair.value) {
                record[key] = value
            } else if !pair.value.isNull {
                record.unreadable.insert(key)
            }
        }
        return record
    }

    /// The pairs of a mapping node, reporting non-scalar and duplicate keys; nil (and a finding) when the node is no mapping.
    mutating func uniquePairs(of node: YAMLNode, what: String) -> [YAMLPair]? {
        guard case .mapping(let pairs) = node.content else {
            report("schema.type", "\(what) must be a mapping of keys to values", at: node)
            return nil
        }
        var seen: [String: YAMLMark] = [:]
        var result: [YAMLPair] = []
        for pair in pairs {
            guard let key = pair.key.scalarValue else {
                report("yaml.key", "keys must be plain texts", at: pair.key)
                continue
            }
            if let first = seen[key] {
                report(
                    "yaml.duplicate-key", "duplicate key '\(key)' (first at line \(first.line))", at: pair.key,
                    hint: "keep one of the two; the first is used")
                continue
            }
            seen[key] = pair.key.mark
            result.append(pair)
        }
        return result
    }

    mutating func decodeValue(_ field: FieldSpec, _ node: YAMLNode) -> Value? {
        if node.isNull { return nil }
        if field.type.isList {
            guard case .sequence(let items) = node.content else {
                report(
                    "schema.type", "\(field.key): expected \(field.type.name)", at: node,
                    hint: "write a list, such as [\(node.scalarValue ?? "a"), …]")
                return nil
            }
            var values: [String] = []
            for item in items {
                guard let text = item.scalarValue, !item.isNull else {
                    report("schema.type", "\(field.key): list items must be single values", at: item)
                    continue
                }
                values.append(text)
            }
            return .list(values)
        }
        guard case .scalar(let text, let style) = node.content else {
            report("schema.type", "\(field.key): expected \(field.type.name), found a \(node.kindName)", at: node)
            return nil
        }
        switch field.type {
        case .number:
            guard style == .plain else {
                report(
                    "schema.type", "\(field.key): expected a number, found the text '\(text)'", at: node,
                    hint: FieldSpec.parseNumber(text) != nil ? "remove the quotes" : nil)
                return nil
            }
        case .date:
            if style == .plain && PartialDate(iso: text) != nil {
                report(
                    "yaml.unquoted-date", "\(field.key): the date \(text) is not quoted; other YAML readers take it for a number or a timestamp",
                    at: node, severity: .warning, hint: "write \"\(text)\"")
            }
        default:
            break
        }
        switch field.parse(text) {
        case .success(let value):
            return value
        case .failure(let error):
            report("schema.\(field.type == .date ? "date" : "type")", "\(field.key): \(error.message)", at: node)
            return nil
        }
    }
}

extension YAMLNode {
    var kindName: String {
        switch content {
        case .scalar: return "single value"
        case .sequence: return "list"
        case .mapping: return "mapping"
        }
    }
}
