/// What rules may need beyond the dataset itself.
public struct ValidationContext: Sendable {
    /// The full text of each source, by source id, for checking quotes; a source without text is not checked.
    public var sourceTexts: [String: String]
    /// The file the dataset was read from, for locating findings on rows that carry no location.
    public var file: String?

    public init(sourceTexts: [String: String] = [:], file: String? = nil) {
        self.sourceTexts = sourceTexts
        self.file = file
    }

    /// The location of a field of a row: its own if read from a file, else a path such as `memberships[3].status`.
    public func location(of key: String?, in record: Record, table: TableID, index: Int) -> Location {
        if let key, let location = record.fieldLocations[key] { return location }
        if let location = record.location { return location }
        let path = "\(table)[\(index)]" + (key.map { ".\($0)" } ?? "")
        return Location(file: file, path: path)
    }
}
