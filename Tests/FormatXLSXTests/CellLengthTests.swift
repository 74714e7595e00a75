import Foundation
import RegionKitFormats
import TestSupport
import Testing

@testable import FormatXLSX

/// A workbook cell holds at most 32 767 UTF-16 code units: a value that would not fit stops the export, which names
/// the table, row and field and writes nothing, rather than leave Excel to cut it.
@Suite struct CellLengthTests {
    static let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F466}"
    /// Goods added before the first trade row's own, and all its goods then.
    static let added = (0..<3_000).map { "goods item \($0)" }
    static let goods =
        added + ["metals and their derivatives", "machinery, equipment and vehicles", "food products", "raw agricultural materials"]

    /// A copy of the canonical dataset with Kazakhstan's capital and the first trade row's goods replaced.
    static func dataset(capital: String? = nil, goods: [String]? = nil) throws -> (folder: String, dataset: String) {
        let scratch = try WorkbookTools.scratchDataset()
        var text = try String(contentsOfFile: scratch.dataset, encoding: .utf8)
        if let capital { text = text.replacingOccurrences(of: "  capital: Nur-Sultan\n", with: "  capital: \"\(capital)\"\n") }
        if let goods {
            text = text.replacingOccurrences(
                of: "  goods:\n  - metals and their derivatives\n",
                with: "  goods:\n" + goods.map { "  - \($0)\n" }.joined() + "  - metals and their derivatives\n")
        }
        try text.write(toFile: scratch.dataset, atomically: true, encoding: .utf8)
        return scratch
    }

    /// 20 000 letters fit. 20 000 emoji of one person are 20 000 code points, which libxlsxwriter writes, but
    /// 40 000 UTF-16 code units, which Excel would cut. A list of goods is one cell, however short its items.
    @Test(arguments: [
        ("letters", "", 0),
        ("people", "countries row 'KAZ', field capital", 40_000),
        ("goods", "trade row 'rus-to-tkm', field goods", CellLengthTests.goods.joined(separator: "; ").utf16.count),
    ])
    func aValueTooLongForACellStopsTheExportAndWritesNothing(_ kind: String, _ place: String, _ units: Int) throws {
        let scratch: (folder: String, dataset: String)
        switch kind {
        case "letters": scratch = try Self.dataset(capital: String(repeating: "x", count: 20_000))
        case "people": scratch = try Self.dataset(capital: String(repeating: "\u{1F468}", count: 20_000))
        default: scratch = try Self.dataset(goods: Self.added)
        }
        let output = scratch.folder + "/out"
        let run = try RegionKitBinary.run(["export", "--format", "xlsx", "--dataset", scratch.dataset, "--output", output])
        if kind == "letters" {
            // 20 000 characters fit: the limit is 32 767.
            #expect(run.status == 0, "\(run.stderr)")
            return
        }
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: xlsx: \(place) (\(scratch.dataset):"), "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "): the cell would hold \(units) characters (UTF-16 code units, as Excel counts them, escapes included), more than the 32767 a spreadsheet cell holds; Excel would cut it, so nothing was written."
            ), "\(run.stderr)")
        #expect(Repository.files(under: output) == [])
    }

    /// A cell of exactly 32 767 UTF-16 code units is written, and reads back whole in RegionKit and in openpyxl.
    @Test func aValueOfExactlyTheLimitIsWrittenAndReadBack() throws {
        var dataset = try DatasetLoader().load(Repository.dataset).dataset
        let capital = String(repeating: "\u{1F468}", count: 16_383) + "x"
        #expect(capital.utf16.count == 32_767)
        dataset[.countries][0]["capital"] = .text(capital)
        let path = try Repository.temporaryFolder() + "/central-asia.xlsx"
        try WorkbookExporter().write(dataset, name: "central-asia", to: path)
        let imported = try XLSXFormat().read(path)
        #expect(imported.dataset[.countries][0]["capital"] == .text(capital))
        let script = """
            import sys, openpyxl
            sheet = openpyxl.load_workbook(sys.argv[1])["Countries"]
            print(sheet["E2"].value == "\\U0001F468" * 16383 + "x")
            """
        let run = try ProgramRun.tool("python3", ["-c", script, path])
        #expect(run.stdout == "True\n", "\(run.stdout)\(run.stderr)")
    }

    /// Escapes count whole: a carriage return is written `_x000D_`, and a literal `_x0041_` gets `_x005F_` before it.
    @Test func escapesCountWhole() {
        #expect(ExcelEscapes.writtenUnits(of: "a\rb") == 9)
        #expect(ExcelEscapes.writtenUnits(of: "_x0041_") == 13)
        #expect(ExcelEscapes.writtenUnits(of: Self.family) == 8)
        #expect(ExcelEscapes.writtenUnits(of: "Кириллица") == 9)
        // Every byte becomes at most `unitsPerByte` code units.
        for text in ["\r", "_x0041_", "\r\n", "é", Self.family, "_x000D\r"] {
            #expect(ExcelEscapes.writtenUnits(of: text) <= text.utf8.count * ExcelEscapes.unitsPerByte, "\(text)")
        }
    }
}
