import Testing

/// One hostile file and what `regionkit` must answer to it: the file is made at test time by
/// `Scripts/make_hostile.py` (case `name`), fed to the reader `reader` names, and refused with exit status `status`
/// and a message holding every one of `words`.
struct HostileCase: Sendable, CustomTestStringConvertible {
    /// Which reader a file goes to, and so which commands run on it.
    enum Reader: Sendable {
        /// `regionkit import FILE.xlsx`, as a dry run and with `--apply`.
        case workbook
        /// A CSV package's `countries.csv` replaced by the file; `regionkit import PACKAGE`, dry run and `--apply`.
        case csvPackage
        /// A dataset file beside the canonical one; `regionkit validate FILE` and `regionkit import FILE --apply`.
        case yaml
        /// `regionkit validate FILE.geojson`.
        case geojson
    }

    /// The generator's case name.
    let name: String
    let reader: Reader
    /// The exit status every command must end with: 1 for invalid data, 2 for an unusable file.
    let status: Int32
    /// What the message must say, besides naming the file.
    let words: [String]
    /// What the message must not say (the content of a file an external entity points to).
    var absent: [String] = []

    var testDescription: String { name }

    static let all: [HostileCase] = workbooks + yaml + csv + geojson

    static let workbooks: [HostileCase] = [
        HostileCase(name: "xlsx-zip-bomb", reader: .workbook, status: 2, words: ["sheet5.xml inflates to more than", "zip bomb"]),
        HostileCase(name: "xlsx-zip-bomb-ratio", reader: .workbook, status: 2, words: ["sheet5.xml would inflate", "zip bomb"]),
        HostileCase(
            name: "xlsx-billion-laughs-shared-strings", reader: .workbook, status: 2,
            words: ["xl/sharedStrings.xml:2:16: error:", "DOCTYPE"]),
        HostileCase(
            name: "xlsx-billion-laughs-sheet", reader: .workbook, status: 2, words: ["xl/worksheets/sheet5.xml:2:16: error:", "DOCTYPE"]),
        HostileCase(
            name: "xlsx-xxe-shared-strings", reader: .workbook, status: 2, words: ["xl/sharedStrings.xml:2:16: error:", "DOCTYPE"],
            absent: ["root:"]),
        HostileCase(
            name: "xlsx-xxe-sheet", reader: .workbook, status: 2, words: ["xl/worksheets/sheet5.xml:2:16: error:", "DOCTYPE"],
            absent: ["root:"]),
        HostileCase(name: "xlsx-truncated", reader: .workbook, status: 2, words: ["not a complete ZIP package", "truncated"]),
        HostileCase(
            name: "xlsx-truncated-entry", reader: .workbook, status: 2,
            words: ["sheet5.xml is damaged", "ends before the deflate stream does"]),
        HostileCase(
            name: "xlsx-endless-entry", reader: .workbook, status: 2, words: ["mimetype is damaged", "ends before the deflate stream does"]),
        HostileCase(name: "xlsx-duplicate-entry", reader: .workbook, status: 2, words: ["two entries named 'xl/workbook.xml'"]),
        HostileCase(
            name: "xlsx-overlapping-entries", reader: .workbook, status: 2,
            words: ["the entry 'xl/media/image1.bin' overlaps the entry 'xl/media/image10.bin'", "zip bomb"]),
        HostileCase(
            name: "xlsx-parent-entry", reader: .workbook, status: 2, words: ["'..'", "../../tmp/regionkit-hostile-parent.txt"]),
        HostileCase(
            name: "xlsx-absolute-entry", reader: .workbook, status: 2, words: ["absolute name", "/tmp/regionkit-hostile-absolute.txt"]),
        HostileCase(
            name: "xlsx-shared-string-out-of-range", reader: .workbook, status: 2,
            words: ["Memberships!B2: error:", "shared string 7"]),
        HostileCase(
            name: "xlsx-cell-beyond-column", reader: .workbook, status: 2, words: ["Memberships!XFE3: error:", "out of range"]),
        HostileCase(
            name: "xlsx-cell-beyond-row", reader: .workbook, status: 2,
            words: ["Memberships: error:", "row 1048577 is out of range"]),
        HostileCase(
            name: "xlsx-million-empty-rows", reader: .workbook, status: 2,
            words: ["Memberships!A23: error:", "more than 100000 empty rows"]),
        HostileCase(
            name: "xlsx-huge-cell", reader: .workbook, status: 2, words: ["Memberships!C3: error:", "more than 32767 characters"]),
        HostileCase(name: "xlsx-xls", reader: .workbook, status: 2, words: ["legacy Excel 97-2003 workbook (.xls)"]),
        HostileCase(name: "xlsx-ods", reader: .workbook, status: 2, words: ["is an OpenDocument file"]),
        HostileCase(name: "xlsx-csv", reader: .workbook, status: 2, words: ["it is not a ZIP package"]),
        HostileCase(name: "xlsx-password", reader: .workbook, status: 2, words: ["password-protected workbook"]),
    ]

    static let yaml: [HostileCase] = [
        HostileCase(name: "yaml-alias-bomb", reader: .yaml, status: 2, words: [":2:7: error:", "anchors are not allowed"]),
        HostileCase(
            name: "yaml-deep-nesting", reader: .yaml, status: 2, words: [":2:209: error:", "nested more than 200 levels deep"]),
        HostileCase(
            name: "yaml-duplicate-key", reader: .yaml, status: 1, words: [":14:3: error:", "duplicate key 'name'", "[yaml.duplicate-key]"]),
        HostileCase(name: "yaml-tabs", reader: .yaml, status: 2, words: [":4:1: error:", "tab character"]),
        HostileCase(name: "yaml-invalid-utf8", reader: .yaml, status: 2, words: [":24:14: error:", "UTF-8", "0xFF"]),
        HostileCase(
            name: "yaml-huge-scalar", reader: .yaml, status: 2, words: [":4:8: error:", "scalar longer than the limit of 67108864 bytes"]),
    ]

    static let csv: [HostileCase] = [
        HostileCase(
            name: "csv-invalid-utf8", reader: .csvPackage, status: 2, words: [":3:5: error:", "not UTF-8", "byte offset 312"]),
        HostileCase(name: "csv-nul", reader: .csvPackage, status: 2, words: [":4:5: error:", "NUL byte", "byte offset 459"]),
        HostileCase(name: "csv-unterminated-quote", reader: .csvPackage, status: 2, words: [":16:9: error:", "no closing quote"]),
        HostileCase(name: "csv-huge-field", reader: .csvPackage, status: 2, words: [":16:3: error:", "past 32767 characters"]),
        HostileCase(name: "csv-wide-header", reader: .csvPackage, status: 2, words: [":1:16385: error:", "more than 16384 fields"]),
    ]

    static let geojson: [HostileCase] = [
        HostileCase(
            name: "geojson-string-coordinates", reader: .geojson, status: 1,
            words: [":features[0].geometry.coordinates: error:", "two or three numbers", "[geojson.structure]"]),
        HostileCase(
            name: "geojson-two-point-ring", reader: .geojson, status: 1,
            words: [":features[0].geometry.coordinates[0][0]: error:", "2 positions", "[geojson.ring]"]),
        HostileCase(
            name: "geojson-deep-nesting", reader: .geojson, status: 2, words: [":1:295: error:", "nested deeper than 256 levels"]),
        HostileCase(name: "geojson-nan", reader: .geojson, status: 2, words: [":2:191: error:", "NaN and Infinity are not JSON numbers"]),
        HostileCase(
            name: "geojson-infinity", reader: .geojson, status: 2, words: [":2:191: error:", "NaN and Infinity are not JSON numbers"]),
    ]
}
