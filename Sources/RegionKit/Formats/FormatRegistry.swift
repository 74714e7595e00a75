/// The formats a `regionkit` knows, in the order they are listed and exported.
public struct FormatRegistry: Sendable {
    /// Every format, in order.
    public private(set) var formats: [any DatasetFormat]

    /// Creates a registry; a later format with an id already listed is ignored.
    public init(_ formats: [any DatasetFormat]) {
        self.formats = []
        for format in formats { register(format) }
    }

    /// Adds a format unless one with its id is listed; returns whether it was added.
    @discardableResult
    public mutating func register(_ format: any DatasetFormat) -> Bool {
        guard self.format(id: format.descriptor.id) == nil else { return false }
        formats.append(format)
        return true
    }

    /// The format with an id.
    public func format(id: String) -> (any DatasetFormat)? {
        formats.first { $0.descriptor.id == id }
    }

    /// The exporter with an id.
    public func exporter(id: String) -> (any DatasetExporter)? {
        format(id: id) as? any DatasetExporter
    }

    /// Every format that exports.
    public var exporters: [any DatasetExporter] {
        formats.compactMap { $0 as? any DatasetExporter }
    }

    /// The importer with an id.
    public func importer(id: String) -> (any DatasetImporter)? {
        format(id: id) as? any DatasetImporter
    }

    /// The first importer that recognizes `path` as its input.
    public func importer(for path: String) -> (any DatasetImporter)? {
        formats.lazy.compactMap { $0 as? any DatasetImporter }.first { $0.recognizes(path) }
    }

    /// The ids of all formats, in order.
    public var ids: [String] { formats.map(\.descriptor.id) }
}
