/// An option a format takes on the command line as `--option key=value`.
public struct FormatOption: Sendable, Hashable {
    public let key: String
    /// What the option does and which values it takes.
    public let summary: String

    public init(key: String, summary: String) {
        self.key = key
        self.summary = summary
    }
}
