/// Compares column titles and sheet names the way a person reads them: case, spacing and underscores do not count.
public enum HeaderText {
    /// `Capital  Latitude`, `capital_latitude` and `CAPITAL LATITUDE ` all give `capital latitude`.
    public static func normalized(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isWhitespace || character == "_" || character == "\u{00A0}" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }
}
