/// Checks every field of every row against its catalogue entry: presence, type, closed list, shape, range and length.
public struct FieldRule: DatasetRule {
    public static let name = "schema"
    public static let summary =
        "Every field is present when required, of its type, in its closed list, of its shape, in range and not too long."

    public init() {}

    public func check(_ dataset: Dataset, in context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        dataset.forEachRow { spec, index, record in
            func report(_ code: String, _ key: String?, _ message: String, hint: String? = nil) {
                findings.append(
                    Finding(
                        code: "schema.\(code)", message: message,
                        location: context.location(of: key, in: record, table: spec.id, index: index), hint: hint))
            }
            for key in record.values.keys where !spec.hasField(key) {
                report(
                    "unknown-field", key, "\(spec.id): unknown field '\(key)'",
                    hint: Suggestion.hint(for: key, in: spec.keys))
            }
            for field in spec.fields {
                guard let value = record[field.key] else {
                    if field.required && !record.unreadable.contains(field.key) {
                        report("required", nil, "\(spec.id): required field '\(field.key)' is missing")
                    }
                    continue
                }
                for problem in FieldRule.problems(of: value, for: field) {
                    report(problem.code, field.key, "\(field.key): \(problem.message)", hint: problem.hint)
                }
            }
        }
        return findings
    }

    /// What is wrong with one value of a field, as (code, message, hint) triples.
    public static func problems(of value: Value, for field: FieldSpec) -> [(code: String, message: String, hint: String?)] {
        var problems: [(code: String, message: String, hint: String?)] = []
        switch (field.type, value) {
        case (.list(let element), .list(let items)):
            if items.isEmpty && field.required {
                problems.append(("required", "the list is empty; give at least one value", nil))
            }
            for item in items {
                problems += textProblems(item, for: field, element: element)
            }
        case (.number, .number(let number)):
            if let minimum = field.minimum, number < minimum {
                problems.append(("range", "\(Value.format(number)) is below the minimum \(Value.format(minimum))", nil))
            }
            if let maximum = field.maximum, number > maximum {
                problems.append(("range", "\(Value.format(number)) is above the maximum \(Value.format(maximum))", nil))
            }
        case (.date, .date):
            break
        case (.text, .text(let text)), (.enumeration, .text(let text)), (.reference, .text(let text)):
            problems += textProblems(text, for: field, element: field.type)
        default:
            problems.append(("type", "expected \(field.type.name), found \(kind(of: value))", nil))
        }
        return problems
    }

    private static func textProblems(_ text: String, for field: FieldSpec, element: FieldType) -> [(
        code: String, message: String, hint: String?
    )] {
        var problems: [(code: String, message: String, hint: String?)] = []
        if text.isEmpty {
            problems.append(("empty", "the value is empty; leave the field out instead", nil))
            return problems
        }
        if hasSpaceAtEitherEnd(text) {
            problems.append(("whitespace", "'\(text)' has leading or trailing spaces", "remove the spaces around the value"))
        }
        if case .enumeration(let domain) = element, !domain.contains(text) {
            problems.append(
                (
                    "enum", "'\(text)' is not one of \(domain.values.joined(separator: ", "))",
                    Suggestion.hint(for: text, in: domain.values)
                ))
        } else if let pattern = field.pattern, !pattern.matches(text) {
            problems.append(("pattern", "'\(text)' is not a valid \(pattern.name) (for example '\(pattern.example)')", nil))
        }
        guard TextCharacters.mayHoldRefusedOrCarriageReturn(text) else {
            return lengthProblems(text, for: field, problems)
        }
        if let (scalar, position) = TextCharacters.firstRefused(in: text) {
            problems.append(
                (
                    "character",
                    "the text holds the control character \(TextCharacters.name(of: scalar)) (character \(position)), which XML formats such as XLSX cannot carry",
                    "remove it; line breaks and tabs are allowed"
                ))
        }
        if let position = TextCharacters.firstCarriageReturn(in: text) {
            problems.append(
                (
                    "line-break",
                    "the text holds a carriage return (character \(position)); the dataset writes every line break as a line feed",
                    "replace '\\r\\n' and '\\r' with '\\n' (an import does this itself)"
                ))
        }
        return lengthProblems(text, for: field, problems)
    }

    /// `problems` with the length problem of `text`, if it has one.
    private static func lengthProblems(
        _ text: String, for field: FieldSpec, _ problems: [(code: String, message: String, hint: String?)]
    ) -> [(code: String, message: String, hint: String?)] {
        var problems = problems
        // A text is as long as its Unicode code points, as JSON Schema's maxLength counts (and Frictionless, and
        // Python's len): a letter with a combining accent is two, a family emoji of three people five. No text has
        // more code points than UTF-8 bytes, so a text short in bytes is short enough without counting.
        if let maxLength = field.maxLength, text.utf8.count > maxLength {
            let length = text.unicodeScalars.count
            if length > maxLength {
                problems.append(
                    ("length", "the text has \(length) characters (Unicode code points); at most \(maxLength) are allowed", nil))
            }
        }
        return problems
    }

    /// Whether a text starts or ends with white space (a character whose first scalar is White_Space, as
    /// `Character.isWhitespace` says); an ASCII byte at either end answers without a character walk.
    static func hasSpaceAtEitherEnd(_ text: String) -> Bool {
        if let first = text.utf8.first, let last = text.utf8.last, first < 0x80, last < 0x80 {
            return isASCIISpace(first) || isASCIISpace(last)
        }
        return text.first?.isWhitespace == true || text.last?.isWhitespace == true
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func kind(of value: Value) -> String {
        switch value {
        case .text: return "text"
        case .number: return "a number"
        case .date: return "a date"
        case .list: return "a list"
        }
    }
}
