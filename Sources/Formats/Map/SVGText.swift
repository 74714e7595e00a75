/// Writing SVG text: escaped characters and numbers with one decimal, the same on every run.
enum SVGText {
    /// Text safe inside an element or a double-quoted attribute. A carriage return is written as a character
    /// reference, which XML readers keep (a literal one they turn into a line feed). Validation keeps the
    /// characters XML cannot carry out of the dataset (`TextCharacters`).
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A coordinate with one decimal and no trailing `.0`: `12.5`, `-3`, `480`.
    static func number(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
