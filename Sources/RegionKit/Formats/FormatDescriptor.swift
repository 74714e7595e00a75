/// What a format is called and what it can do.
public struct FormatDescriptor: Sendable, Hashable {
    /// The id users type after `--format`: lowercase, stable between releases.
    public let id: String
    /// A readable name: "YAML".
    public let name: String
    /// What the format is for, in one sentence.
    public let summary: String
    /// The file name extensions it writes or reads, without the dot.
    public let fileExtensions: [String]
    /// What it can do.
    public let capabilities: FormatCapabilities
    /// The options it takes as `--option key=value`.
    public let options: [FormatOption]

    public init(
        id: String, name: String, summary: String, fileExtensions: [String], capabilities: FormatCapabilities, options: [FormatOption] = []
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.fileExtensions = fileExtensions
        self.capabilities = capabilities
        self.options = options
    }
}

/// The operations a format supports.
public struct FormatCapabilities: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// It writes a dataset.
    public static let export = FormatCapabilities(rawValue: 1 << 0)
    /// It reads a dataset back.
    public static let `import` = FormatCapabilities(rawValue: 1 << 1)
    /// It writes or reads row by row, without holding the whole output.
    public static let streaming = FormatCapabilities(rawValue: 1 << 2)

    /// The names of the capabilities, in a fixed order: export, import, streaming.
    public var names: [String] {
        [(Self.export, "export"), (Self.import, "import"), (Self.streaming, "streaming")]
            .filter { contains($0.0) }.map(\.1)
    }
}
