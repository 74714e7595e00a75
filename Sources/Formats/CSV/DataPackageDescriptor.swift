public import RegionKit

/// Writes the Frictionless Data descriptor (`datapackage.json`) of a CSV export from the schema catalogue.
///
/// One tabular data resource per table, each with its Table Schema: field types, titles and descriptions,
/// constraints (required, unique, enumerations, patterns, ranges, lengths), the primary key and the foreign
/// keys between tables, and the CSV dialect. `frictionless validate datapackage.json` thus checks an export
/// without RegionKit. Dates are strings with the partial-date pattern, since Frictionless's `date`, `yearmonth`
/// and `year` types cannot hold a mix of precisions; lists are strings with a pattern for `ListCell`'s encoding.
/// A custom `regionkit` property carries the schema version, the dialect and the fingerprint of the exported
/// dataset (`DatasetFingerprint`).
public enum DataPackageDescriptor {
    /// The file name of the descriptor.
    public static let fileName = "datapackage.json"
    /// The name of the custom top-level property.
    public static let property = "regionkit"

    /// The descriptor of an export of a dataset called `name`, in `dialect`, made from a dataset with `fingerprint`.
    public static func make(name: String, dialect: CSVDialect, fingerprint: String) -> JSONValue {
        .object([
            ("profile", .string("tabular-data-package")),
            ("name", .string(packageName(name))),
            ("title", .string("RegionKit dataset \(name)")),
            (
                "description",
                .string(
                    "The tables of the RegionKit dataset \(name), one CSV file each, written by `regionkit export --format csv` in dialect \(dialect). Generated from the schema catalogue; do not edit."
                )
            ),
            (
                property,
                .object([
                    ("schema_version", .string(DatasetSchema.version)),
                    ("dialect", .string(dialect.name)),
                    ("fingerprint", .string(fingerprint)),
                ])
            ),
            ("resources", .array(DatasetSchema.tables.map { resource($0, dialect: dialect) })),
        ])
    }

    /// The CSV file name of a table.
    public static func fileName(of table: TableID) -> String { "\(table.rawValue).csv" }

    static func resource(_ spec: TableSpec, dialect: CSVDialect) -> JSONValue {
        var schema: [(String, JSONValue)] = [
            ("fields", .array(spec.fields.map { field($0, in: spec, dialect: dialect) })),
            ("primaryKey", .array([.string(spec.primaryKey)])),
        ]
        let foreignKeys = spec.fields.compactMap { field -> JSONValue? in
            guard !field.type.isList, let table = field.referencedTable else { return nil }
            return .object([
                ("fields", .array([.string(field.key)])),
                (
                    "reference",
                    .object([
                        ("resource", .string(table.rawValue)),
                        ("fields", .array([.string(DatasetSchema.table(table).primaryKey)])),
                    ])
                ),
            ])
        }
        if !foreignKeys.isEmpty { schema.append(("foreignKeys", .array(foreignKeys))) }
        return .object([
            ("name", .string(spec.id.rawValue)),
            ("path", .string(fileName(of: spec.id))),
            ("profile", .string("tabular-data-resource")),
            ("title", .string(spec.title)),
            ("description", .string(spec.description)),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
            (
                "dialect",
                .object([
                    ("delimiter", .string(String(Character(Unicode.Scalar(dialect.delimiter))))),
                    ("lineTerminator", .string(dialect.lineTerminator)),
                    ("quoteChar", .string("\"")),
                    ("doubleQuote", .bool(true)),
                    ("header", .bool(true)),
                ])
            ),
            ("schema", .object(schema)),
        ])
    }

    static func field(_ field: FieldSpec, in spec: TableSpec, dialect: CSVDialect) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(field.key)),
            ("title", .string(field.title)),
        ]
        var constraints: [(String, JSONValue)] = []
        if field.required { constraints.append(("required", .bool(true))) }
        if field.key == spec.primaryKey { constraints.append(("unique", .bool(true))) }
        var description = field.description
        switch field.type {
        case .number:
            pairs.append(("type", .string("number")))
            if dialect.decimalMark != "." { pairs.append(("decimalChar", .string(String(dialect.decimalMark)))) }
            if let minimum = field.minimum { constraints.append(("minimum", .number(minimum))) }
            if let maximum = field.maximum { constraints.append(("maximum", .number(maximum))) }
        case .date:
            pairs.append(("type", .string("string")))
            constraints.append(("pattern", .string(PartialDate.regex)))
            description += " A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD."
        case .enumeration(let domain):
            pairs.append(("type", .string("string")))
            constraints.append(("enum", .array(domain.values.map(JSONValue.string))))
        case .text, .reference:
            pairs.append(("type", .string("string")))
            if let pattern = field.pattern { constraints.append(("pattern", .string(pattern.regex))) }
            if let maxLength = field.maxLength { constraints.append(("maxLength", .number(Double(maxLength)))) }
        case .list(let element):
            pairs.append(("type", .string("string")))
            constraints.append(("pattern", .string(ListCell.pattern(item: itemPattern(element, field)))))
            description += " A list: items separated by '; ', with '\\;' and '\\\\' for a ';' or '\\' inside an item."
        }
        pairs.insert(("description", .string(description)), at: 2)
        if !constraints.isEmpty { pairs.append(("constraints", .object(constraints))) }
        return .object(pairs)
    }

    /// The unanchored regular expression of one list item.
    static func itemPattern(_ element: FieldType, _ field: FieldSpec) -> String {
        if case .enumeration(let domain) = element {
            return domain.values.map(escapeRegex).joined(separator: "|")
        }
        if let pattern = field.pattern { return unanchored(pattern.regex) }
        return ListCell.anyItem
    }

    static func unanchored(_ regex: String) -> String {
        var text = Substring(regex)
        if text.hasPrefix("^") { text = text.dropFirst() }
        if text.hasSuffix("$") { text = text.dropLast() }
        return String(text)
    }

    static func escapeRegex(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\^$.|?*+()[]{}/".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// A Frictionless package name: lowercase letters, digits, `-`, `.` and `_`.
    static func packageName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-._")
        let mapped = String(name.lowercased().map { allowed.contains($0) ? $0 : "-" })
        return mapped.isEmpty ? "dataset" : mapped
    }
}
