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
/// | `base_escaped` | a part of the exported dataset's canonical YAML, escaped | `continues` when a cut line goes on in the next row | |
///
/// The `base_escaped` rows, each followed by a line break unless marked `continues`, are the canonical YAML of the
/// exported dataset, the base of a three-way merge, with every `~` written `~~` and every `_x` written `~x`: a text
/// that looks like Excel's `_xHHHH_` escapes is then nowhere in the sheet, and no spreadsheet changes it (LibreOffice
/// writes `_x005F_xHHHH_` back as `_xHHHH_`). Each part is a run of whole lines under Excel's limit of 32 767
/// characters per cell; a longer line is cut. A record with plain `base` rows, as earlier exports wrote, reads too.
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

    /// The third cell of a `base` row whose part continues on the next row without a line break.
    static let joinsNextMark = "continues"

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
        rows += Self.parts(of: Self.escaped(baseYAML)).map {
            [Self.escapedBaseKey, $0.text] + ($0.joinsNext ? [Self.joinsNextMark] : [])
        }
        return rows
    }

    /// The key of the rows that hold the escaped base YAML.
    static let escapedBaseKey = "base_escaped"

    /// The text with `~` written `~~` and `_x` written `~x`, in one pass over its bytes.
    static func escaped(_ text: String) -> String {
        let tilde = UInt8(ascii: "~")
        let underscore = UInt8(ascii: "_")
        let x = UInt8(ascii: "x")
        guard text.utf8.contains(where: { $0 == tilde || $0 == underscore }) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 64)
        var previousUnderscore = false
        for byte in text.utf8 {
            if previousUnderscore {
                previousUnderscore = false
                if byte == x {
                    result += [tilde, x]
                    continue
                }
                result.append(underscore)
            }
            if byte == underscore {
                previousUnderscore = true
            } else if byte == tilde {
                result += [tilde, tilde]
            } else {
                result.append(byte)
            }
        }
        if previousUnderscore { result.append(underscore) }
        return String(decoding: result, as: UTF8.self)
    }

    /// The text `escaped(_:)` was given, in one pass over its bytes; a `~` before anything but `~` or `x` is kept
    /// as it is.
    static func unescaped(_ text: String) -> String {
        let tilde = UInt8(ascii: "~")
        guard text.utf8.contains(tilde) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pending = false
        for byte in text.utf8 {
            if pending {
                pending = false
                if byte == UInt8(ascii: "x") {
                    result.append(UInt8(ascii: "_"))
                } else if byte != tilde {
                    result.append(tilde)
                }
                result.append(byte)
            } else if byte == tilde {
                pending = true
            } else {
                result.append(byte)
            }
        }
        if pending { result.append(tilde) }
        return String(decoding: result, as: UTF8.self)
    }

    /// Splits a text into runs of whole lines, each of at most `partLimit` UTF-8 bytes; a longer line is cut into
    /// parts that say they join the next one without a line break.
    static func parts(of text: String) -> [(text: String, joinsNext: Bool)] {
        if let parts = text.utf8.withContiguousStorageIfAvailable(parts(ofUTF8:)) { return parts }
        return Array(text.utf8).withUnsafeBufferPointer(parts(ofUTF8:))
    }

    /// `parts(of:)` over the text's UTF-8 bytes. The lines of a run stand next to each other in the text, so a run
    /// is one slice of it; a long line is cut where a character starts.
    private static func parts(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [(text: String, joinsNext: Bool)] {
        let newline = UInt8(ascii: "\n")
        var parts: [(text: String, joinsNext: Bool)] = []
        // A final line break ends the last line; it does not start an empty one.
        let end = bytes.last == newline ? bytes.count - 1 : bytes.count
        var run: (start: Int, length: Int)?
        func flush(upTo runEnd: Int) {
            if let start = run?.start {
                parts.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<runEnd]), as: UTF8.self), false))
            }
            run = nil
        }
        var lineStart = 0
        while true {
            var lineEnd = lineStart
            while lineEnd < end && bytes[lineEnd] != newline { lineEnd += 1 }
            // The run so far ends before the line break that precedes this line.
            if (run?.length ?? 0) + (lineEnd - lineStart) + 1 > partLimit { flush(upTo: lineStart - 1) }
            var rest = lineStart
            while lineEnd - rest > partLimit {
                var cut = rest + partLimit
                while cut > rest + 1 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                parts.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[rest..<cut]), as: UTF8.self), true))
                rest = cut
            }
            run = (run?.start ?? rest, (run?.length ?? 0) + (lineEnd - rest) + 1)
            guard lineEnd < end else { break }
            lineStart = lineEnd + 1
        }
        flush(upTo: end)
        return parts
    }

    /// Reads the record from the sheet's rows; nil when the sheet lacks the entries every record has.
    init?(rows: [[String]]) {
        var values: [String: String] = [:]
        var columns: [Column] = []
        var base = ""
        var escapedBase = ""
        for row in rows {
            guard let key = row.first else { continue }
            let rest = Array(row.dropFirst())
            switch key {
            case "column":
                if rest.count >= 3 { columns.append(Column(sheet: rest[0], letter: rest[1], key: rest[2])) }
            case "base":
                base += rest.first ?? ""
                if rest.count < 2 || rest[1] != Self.joinsNextMark { base += "\n" }
            case Self.escapedBaseKey:
                escapedBase += rest.first ?? ""
                if rest.count < 2 || rest[1] != Self.joinsNextMark { escapedBase += "\n" }
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
        self.baseYAML = escapedBase.isEmpty ? base : Self.unescaped(escapedBase)
    }

    init(schemaVersion: String, fingerprint: String, datasetName: String, columns: [Column], baseYAML: String) {
        self.schemaVersion = schemaVersion
        self.fingerprint = fingerprint
        self.datasetName = datasetName
        self.columns = columns
        self.baseYAML = baseYAML
    }
}
