/// Renders findings for people, for programs and for GitHub Actions.
public struct FindingReport: Sendable {
    /// How findings are printed.
    public enum Style: String, Sendable, CaseIterable {
        /// Compiler style, one finding per line, then a summary.
        case text
        /// One JSON document with every finding.
        case json
        /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
        case github
    }

    /// The input the findings are about, as the user named it.
    public var path: String
    public var findings: [Finding]
    /// What was checked, for the summary of a valid input: "412 rows in 9 tables".
    public var subject: String?

    public init(path: String, findings: [Finding], subject: String? = nil) {
        self.path = path
        self.findings = findings
        self.subject = subject
    }

    /// The report as text in a style, ending with a newline.
    public func rendered(_ style: Style) -> String {
        switch style {
        case .text: return text()
        case .json: return json().serialized() + "\n"
        case .github: return github()
        }
    }

    /// The one-line summary: "path: valid (…)" or "path: invalid: 2 errors, 1 warning".
    public var summary: String {
        let errors = findings.count(of: .error)
        let warnings = findings.count(of: .warning)
        var counts: [String] = []
        if errors > 0 { counts.append(Self.plural(errors, "error")) }
        if warnings > 0 { counts.append(Self.plural(warnings, "warning")) }
        if errors > 0 { return "\(path): invalid: \(counts.joined(separator: ", "))" }
        let detail = ([subject].compactMap { $0 } + counts).joined(separator: ", ")
        return "\(path): valid" + (detail.isEmpty ? "" : " (\(detail))")
    }

    private func text() -> String {
        findings.map { $0.description + "\n" }.joined() + summary + "\n"
    }

    private func json() -> JSONValue {
        .object([
            ("path", .string(path)),
            ("valid", .bool(!findings.hasErrors)),
            ("errors", .number(Double(findings.count(of: .error)))),
            ("warnings", .number(Double(findings.count(of: .warning)))),
            ("findings", .array(findings.map(Self.json))),
        ])
    }

    static func json(_ finding: Finding) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("code", .string(finding.code)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
        ]
        if let location = finding.location {
            if let file = location.file { pairs.append(("file", .string(file))) }
            if let line = location.line { pairs.append(("line", .number(Double(line)))) }
            if let column = location.column { pairs.append(("column", .number(Double(column)))) }
            if let cell = location.cell { pairs.append(("cell", .string(cell))) }
            if let path = location.path { pairs.append(("path", .string(path))) }
        }
        if let hint = finding.hint { pairs.append(("hint", .string(hint))) }
        return .object(pairs)
    }

    private func github() -> String {
        var output = ""
        for finding in findings {
            let command = finding.severity == .error ? "error" : (finding.severity == .warning ? "warning" : "notice")
            var properties: [String] = []
            if let file = finding.location?.file ?? Optional(path) { properties.append("file=\(Self.escapeProperty(file))") }
            if let line = finding.location?.line { properties.append("line=\(line)") }
            if let column = finding.location?.column { properties.append("col=\(column)") }
            properties.append("title=\(Self.escapeProperty(finding.code))")
            var message = finding.message
            if let cell = finding.location?.cell { message = "\(cell): " + message }
            if let hint = finding.hint { message += " (\(hint))" }
            output += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return output + summary + "\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
