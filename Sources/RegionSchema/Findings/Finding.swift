/// One problem or remark about an input: what rule found it, how bad it is, what it says, where, and how to fix it.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious a finding is. Errors make an input invalid; warnings and notes do not.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .note: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable, dotted name of the rule or check, such as `schema.enum` or `ref.unknown`.
    public var code: String
    public var severity: Severity
    /// One sentence that says what is wrong, naming the field.
    public var message: String
    public var location: Location?
    /// A suggestion, such as "did you mean 'member'?".
    public var hint: String?

    public init(code: String, severity: Severity = .error, message: String, location: Location? = nil, hint: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// Compiler style: `file:line:column: error: message [code]`, and the hint on a second line.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message) [\(code)]"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// Sorts findings by location, then severity, code and message, so output is stable.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted { lhs, rhs in
            if lhs.location != rhs.location { return Location.precedes(lhs.location, rhs.location) }
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.code != rhs.code { return lhs.code < rhs.code }
            return lhs.message < rhs.message
        }
    }
}

extension Array where Element == Finding {
    /// Whether any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The number of findings of one severity.
    public func count(of severity: Finding.Severity) -> Int { filter { $0.severity == severity }.count }
}
