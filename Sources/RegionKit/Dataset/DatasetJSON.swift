import Foundation

/// The canonical JSON form of a dataset: the same shape as the YAML file (and its JSON Schema), as plug-ins
/// exchange it. Tables and keys in catalogue order; dates as strings, lists as arrays.
public enum DatasetJSON {
    /// The canonical JSON value of a dataset.
    public static func encode(_ dataset: Dataset) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("regionkit", .string(dataset.schemaVersion))]
        for spec in DatasetSchema.tables {
            pairs.append(
                (
                    spec.id.rawValue,
                    .array(
                        dataset[spec.id].map { record in
                            .object(spec.fields.compactMap { field in record[field.key].map { (field.key, json($0)) } })
                        })
                ))
        }
        return .object(pairs)
    }

    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .number(let number): return .number(number)
        case .date(let date): return .string(date.description)
        case .list(let items): return .array(items.map(JSONValue.string))
        }
    }

    /// Reads a dataset from JSON text; content problems are findings located by JSON path (`memberships[3].status`).
    public static func decode(_ bytes: [UInt8], file: String) throws(RegionKitError) -> ImportedDataset {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw RegionKitError(.syntax, "\(file): not JSON: \(error.localizedDescription)")
        }
        return decode(object, file: file)
    }

    /// Reads a dataset from a parsed JSON object (as `JSONSerialization` gives it).
    public static func decode(_ object: Any, file: String) -> ImportedDataset {
        var findings: [Finding] = []
        func report(_ code: String, _ path: String, _ message: String, hint: String? = nil) {
            findings.append(Finding(code: code, message: message, location: Location(file: file, path: path), hint: hint))
        }
        var dataset = Dataset(schemaVersion: "")
        guard let root = object as? [String: Any] else {
            report("schema.type", "$", "the dataset must be a JSON object")
            return ImportedDataset(dataset: dataset, findings: findings)
        }
        if let version = root["regionkit"] as? String {
            dataset.schemaVersion = version
            if version != DatasetSchema.version {
                report(
                    "schema.version", "regionkit",
                    "schema version '\(version)' is not supported; this RegionKit reads version \(DatasetSchema.version)")
            }
        } else {
            report(
                "schema.version", "regionkit", "the dataset does not say its schema version",
                hint: "add \"regionkit\": \"\(DatasetSchema.version)\"")
        }
        for key in root.keys.sorted() where key != "regionkit" && TableID(rawValue: key) == nil {
            report(
                "schema.unknown-table", key, "unknown table '\(key)'", hint: Suggestion.hint(for: key, in: TableID.allCases.map(\.rawValue))
            )
        }
        for spec in DatasetSchema.tables {
            guard let rows = root[spec.id.rawValue] else { continue }
            guard let items = rows as? [Any] else {
                report("schema.type", spec.id.rawValue, "\(spec.id) must be an array of rows")
                continue
            }
            dataset[spec.id] = items.enumerated().compactMap { index, item in
                let path = "\(spec.id)[\(index)]"
                guard let row = item as? [String: Any] else {
                    report("schema.type", path, "a row of \(spec.id) must be an object")
                    return nil
                }
                var record = Record(location: Location(file: file, path: path))
                for key in row.keys.sorted() {
                    let fieldPath = "\(path).\(key)"
                    record.fieldLocations[key] = Location(file: file, path: fieldPath)
                    guard let field = spec.field(key) else {
                        report(
                            "schema.unknown-field", fieldPath, "\(spec.id): unknown field '\(key)'",
                            hint: Suggestion.hint(for: key, in: spec.keys))
                        continue
                    }
                    switch value(row[key] as Any, for: field) {
                    case .success(let value?): record[key] = value
                    case .success(nil): break
                    case .failure(let error):
                        record.unreadable.insert(key)
                        report(field.type == .date ? "schema.date" : "schema.type", fieldPath, "\(key): \(error.message)")
                    }
                }
                return record
            }
        }
        return ImportedDataset(dataset: dataset, findings: findings)
    }

    static func value(_ raw: Any, for field: FieldSpec) -> Result<Value?, ValueError> {
        if raw is NSNull { return .success(nil) }
        if field.type.isList {
            guard let items = raw as? [Any] else { return .failure(ValueError(field: field.key, message: "expected \(field.type.name)")) }
            var texts: [String] = []
            for item in items {
                guard let text = item as? String else { return .failure(ValueError(field: field.key, message: "list items must be texts")) }
                texts.append(text)
            }
            return .success(.list(texts))
        }
        if field.type == .number {
            guard let number = raw as? NSNumber, String(cString: number.objCType) != "c", number.doubleValue.isFinite else {
                return .failure(ValueError(field: field.key, message: "expected a number"))
            }
            return .success(.number(number.doubleValue))
        }
        guard let text = raw as? String else {
            return .failure(
                ValueError(
                    field: field.key,
                    message: "expected \(field.type.name), found \(raw is NSNumber ? "a number" : "another kind of value")"))
        }
        return field.parse(text).map { $0 }
    }
}
