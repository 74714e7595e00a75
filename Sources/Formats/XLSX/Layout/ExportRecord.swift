/// What the hidden `_regionkit` sheet records about an export, so that an import can check and merge it.
///
/// The sheet has one entry per row: a key in column A and its values in the next columns.
///
/// | A | B | C | D |
/// | --- | --- | --- | --- |
/// | `regionkit` | a warning not to edit the sheet | | |
/// | `layout` | the workbook layout version | | |
/// | `schema_version` | the dataset's schema version | | |
/// | `fingerprint` | `sha256:…` of the exported dataset | | |
/// | `dataset` | the dataset's name | | |
/// | `column` | sheet | column letter | field key |
/// | `base` | a part of the exported dataset's canonical YAML | | |
///
/// The `base` rows, joined with line breaks, are the canonical YAML of the exported dataset: the base of a three-way
/// merge. Each part is a run of whole lines under Excel's limit of 32 767 characters per cell.
struct ExportRecord: Equatable {
    /// A column of a table sheet as exported: which field key its letter held.
    struct Column: Equatable {
        var sheet: String
        var letter: String
        var key: String
    }

    var layout: String = WorkbookLayout.version
    var schemaVersion: String
    var fingerprint: String
    var datasetName: String
    var columns: [Column] = []
    /// The canonical YAML of the exported dataset.
    var baseYAML: String

    /// The longest part of the base YAML written to one cell.
    static let partLimit = 30_000

    /// The rows of the sheet, each a list of text cells from column A.
    var rows: [[String]] {
        var rows: [[String]] = [
            ["regionkit", "Written by regionkit export: do not edit this sheet; regionkit import reads it to find what changed."],
            ["layout", layout],
            ["schema_version", schemaVersion],
            ["fingerprint", fingerprint],
            ["dataset", datasetName],
        ]
        rows += columns.map { ["column", $0.sheet, $0.letter, $0.key] }
        rows += Self.parts(of: baseYAML).map { ["base", $0] }
        return rows
    }

    /// Splits a text into runs of whole lines, each under `partLimit` characters (a longer line is cut).
    static func parts(of text: String) -> [String] {
        var parts: [String] = []
        var current: [Substring] = []
        var length = 0
        let lines =
            text.hasSuffix("\n")
            ? text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
            : text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            if !current.isEmpty && length + line.count + 1 > partLimit {
                parts.append(current.joined(separator: "\n"))
                current = []
                length = 0
            }
            var rest = line
            while rest.count > partLimit {
                parts.append(String(rest.prefix(partLimit)))
                rest = rest.dropFirst(partLimit)
            }
            current.append(rest)
            length += rest.count + 1
        }
        if !current.isEmpty { parts.append(current.joined(separator: "\n")) }
        return parts
    }

    /// Reads the record from the sheet's rows; nil when the sheet lacks the entries every record has.
    init?(rows: [[String]]) {
        var values: [String: String] = [:]
        var columns: [Column] = []
        var parts: [String] = []
        for row in rows {
            guard let key = row.first else { continue }
            let rest = Array(row.dropFirst())
            switch key {
            case "column":
                if rest.count >= 3 { columns.append(Column(sheet: rest[0], letter: rest[1], key: rest[2])) }
            case "base":
                parts.append(rest.first ?? "")
            default:
                if values[key] == nil { values[key] = rest.first ?? "" }
            }
        }
        guard let layout = values["layout"], let schemaVersion = values["schema_version"],
            let fingerprint = values["fingerprint"]
        else { return nil }
        self.layout = layout
        self.schemaVersion = schemaVersion
        self.fingerprint = fingerprint
        self.datasetName = values["dataset"] ?? ""
        self.columns = columns
        self.baseYAML = parts.isEmpty ? "" : parts.joined(separator: "\n") + "\n"
    }

    init(schemaVersion: String, fingerprint: String, datasetName: String, columns: [Column], baseYAML: String) {
        self.schemaVersion = schemaVersion
        self.fingerprint = fingerprint
        self.datasetName = datasetName
        self.columns = columns
        self.baseYAML = baseYAML
    }
}
