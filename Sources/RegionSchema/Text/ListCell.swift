/// How a list value is written in one text cell (a CSV field, a workbook cell), so that it reads back unambiguously.
///
/// Every tabular format uses this one encoding. Items are joined by `; ` (a semicolon and a space). An item's own `;` is written `\;` and its own `\` is
/// written `\\`. Reading splits at every `;` that has no `\` before it, drops the spaces around each item and
/// undoes the two escapes; a `\` before any other character is kept as it is. `oil and gas; energy` is two
/// items; `a\; b` is the single item `a; b`.
public enum ListCell {
    /// What goes between two items.
    public static let separator = "; "

    /// The cell text of a list.
    public static func encode(_ items: [String]) -> String {
        items.map(escape).joined(separator: separator)
    }

    /// The items of a cell text; fails on an empty item (two separators in a row, or one at either end).
    public static func decode(_ text: String) -> Result<[String], ListCellError> {
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pendingBackslash = false
        func close() -> ListCellError? {
            let item = String(current).trimmingSpaces
            guard !item.isEmpty else { return ListCellError(position: items.count + 1) }
            items.append(item)
            current = String.UnicodeScalarView()
            return nil
        }
        while let scalar = scalars.next() {
            if pendingBackslash {
                pendingBackslash = false
                if scalar != ";" && scalar != "\\" { current.append("\\") }
                current.append(scalar)
            } else if scalar == "\\" {
                pendingBackslash = true
            } else if scalar == ";" {
                if let error = close() { return .failure(error) }
            } else {
                current.append(scalar)
            }
        }
        if pendingBackslash { current.append("\\") }
        if let error = close() { return .failure(error) }
        return .success(items)
    }

    /// An item with its `\` and `;` escaped.
    public static func escape(_ item: String) -> String {
        guard item.unicodeScalars.contains(where: { $0 == ";" || $0 == "\\" }) else { return item }
        var escaped = String.UnicodeScalarView()
        for scalar in item.unicodeScalars {
            if scalar == ";" || scalar == "\\" { escaped.append("\\") }
            escaped.append(scalar)
        }
        return String(escaped)
    }

    /// An anchored regular expression (ECMA-262 and Python alike) for a cell holding one or more items that each
    /// match `item`, an unanchored expression; for checking exports with tools that know nothing of the encoding.
    public static func pattern(item: String) -> String {
        "^(?:\(item))(?:; (?:\(item)))*$"
    }

    /// An unanchored regular expression for any single encoded item: no bare `;`, escapes allowed.
    public static let anyItem = "(?:[^;\\\\]|\\\\.)+"
}

/// Why a list cell could not be read: an empty item.
public struct ListCellError: Error, Sendable, Hashable {
    /// The 1-based position of the empty item.
    public let position: Int

    public init(position: Int) {
        self.position = position
    }

    public var message: String {
        "item \(position) of the list is empty (two ';' in a row, or one at either end)"
    }
}

extension String {
    /// The text without spaces and tabs at either end.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
