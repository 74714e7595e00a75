import RegionSchema

/// What a field accepts, in words for analysts: header comments, input messages and the README sheet.
enum FieldGuide {
    /// One or two sentences: whether the field is required and what a value looks like.
    static func accepts(_ field: FieldSpec) -> String {
        let need = field.required ? "Required." : "Optional; leave empty when unknown."
        return need + " " + shape(field)
    }

    /// What a value looks like, without the required/optional part.
    static func shape(_ field: FieldSpec) -> String {
        switch field.type {
        case .list(let element):
            let list = "One or more " + items(element, field) + ", separated by semicolons ('a; b')"
            // Only free-text items can hold a ';' or a '\': closed-list values and ids never do.
            guard element == .text else { return list + "." }
            return list + "; type a ';' or '\\' inside an item as '\\;' or '\\\\' ('food\\; drink' is one item)."
        default:
            return single(field.type, field)
        }
    }

    private static func single(_ type: FieldType, _ field: FieldSpec) -> String {
        switch type {
        case .text:
            var text = "Text"
            if let pattern = field.pattern { text = "A \(pattern.name), such as \(pattern.example)" }
            if let maxLength = field.maxLength {
                text += ", at most \(maxLength) characters (Unicode code points: an emoji may count as several)"
            }
            return text + "."
        case .number:
            switch (field.minimum, field.maximum) {
            case (let minimum?, let maximum?):
                return "A number from \(Value.format(minimum)) to \(Value.format(maximum))."
            case (let minimum?, nil):
                return "A number of at least \(Value.format(minimum))."
            case (nil, let maximum?):
                return "A number of at most \(Value.format(maximum))."
            case (nil, nil):
                return "A number."
            }
        case .date:
            return "A date (YYYY-MM-DD), or a month (YYYY-MM) or a year (YYYY) typed as text when only that is known."
        case .enumeration(let domain):
            return "One of: \(domain.values.joined(separator: ", ")) (pick it from the list)."
        case .reference(let table):
            let spec = DatasetSchema.table(table)
            return "A value of the \(spec.fields.first?.title ?? "ID") column of the \(spec.title) sheet (pick it from the list)."
        case .list(let element):
            return single(element, field)
        }
    }

    private static func items(_ element: FieldType, _ field: FieldSpec) -> String {
        switch element {
        case .enumeration(let domain): return "of: \(domain.values.joined(separator: ", "))"
        case .reference(let table):
            let spec = DatasetSchema.table(table)
            return "values of the \(spec.fields.first?.title ?? "ID") column of the \(spec.title) sheet"
        default: return "items"
        }
    }
}
