import RegionKitFormats

/// Everything `CSVReader` reports about a file, record by record, for comparing two readings of the same bytes.
struct RecordReading: Equatable {
    var preview: HeaderPreview?
    var byteOrderMarks = 0
    var records: [CSVRecord] = []
    var warnings: [Finding] = []
    var lineBreaks: LineBreakCounts?
    var endsWithoutLineBreak = false
    /// The error that stopped the reading, if one did.
    var error: String?

    /// Reads the file at `path` to its end or its first error, `chunkSize` bytes at a time, with the separator
    /// its header preview shows (`;` when it has semicolons and no commas, else `,`).
    init(path: String, chunkSize: Int) {
        do {
            let reader = try CSVReader(path: path, file: "fuzz.csv", chunkSize: chunkSize)
            byteOrderMarks = reader.byteOrderMarks
            let preview = try reader.headerPreview()
            self.preview = preview
            if preview.semicolons > 0 && preview.commas == 0 { reader.delimiter = UInt8(ascii: ";") }
            defer {
                warnings = reader.warnings
                lineBreaks = reader.lineBreaks
                endsWithoutLineBreak = reader.endsWithoutLineBreak
            }
            while let record = try reader.next() { records.append(record) }
        } catch {
            self.error = "\(error.kind): \(error.message)"
        }
    }

    /// What differs from `other`, in words.
    func difference(from other: RecordReading) -> String {
        if preview != other.preview { return "header preview \(String(describing: preview)) vs \(String(describing: other.preview))" }
        if error != other.error { return "error \(error ?? "none") vs \(other.error ?? "none")" }
        if let index = records.indices.first(where: { $0 < other.records.count && records[$0] != other.records[$0] }) {
            return "record \(index + 1): \(records[index]) vs \(other.records[index])"
        }
        if records.count != other.records.count { return "\(records.count) records vs \(other.records.count)" }
        if warnings != other.warnings { return "warnings \(warnings) vs \(other.warnings)" }
        return
            "line breaks \(String(describing: lineBreaks)), \(endsWithoutLineBreak) vs \(String(describing: other.lineBreaks)), \(other.endsWithoutLineBreak)"
    }
}
