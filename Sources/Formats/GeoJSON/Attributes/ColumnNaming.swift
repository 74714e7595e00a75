/// The rules that turn dataset names into column names: short, lowercase ASCII, the same for the same name in
/// every release.
public enum ColumnNaming {
    /// The longest column stem taken from an organization's abbreviation or id before it is shortened.
    public static let longestStem = 12

    /// Lowercase ASCII letters and digits, every other run of characters one underscore, none at either end.
    public static func sanitized(_ text: String) -> String {
        var result = ""
        var pendingUnderscore = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingUnderscore && !result.isEmpty { result += "_" }
                pendingUnderscore = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingUnderscore = true
            }
        }
        return result
    }

    /// The stem of an organization's columns: its abbreviation (`csto`), else its id (`c5_plus_1`); a stem longer
    /// than `longestStem` is cut to the first word of the id (`pamir` for `pamir-chakaltaya-research-center`).
    public static func organizationStem(id: String, abbreviation: String?) -> String {
        let stem = sanitized(abbreviation ?? id)
        guard stem.count > longestStem else { return stem }
        return sanitized(String(id.split(separator: "-").first ?? Substring(id)))
    }

    /// Short unit names for column suffixes; other units are sanitized as they are.
    static let unitSuffixes: [String: String] = [
        "USD": "usd", "percent": "pct", "persons": "persons", "persons per year": "persons_yr", "rank": "rank",
    ]

    /// The column of an indicator: its key and its unit (`students_in_russia_persons`), the unit once when the key
    /// already ends with it (`land_border_length_rank`).
    public static func indicatorColumn(key: String, unit: String) -> String {
        let suffix = unitSuffixes[unit] ?? sanitized(unit)
        let stem = sanitized(key)
        guard !suffix.isEmpty, stem != suffix, !stem.hasSuffix("_" + suffix) else { return stem }
        return stem + "_" + suffix
    }
}
