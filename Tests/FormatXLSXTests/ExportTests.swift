import Foundation
import RegionKitFormats
import TestSupport
import Testing

@testable import FormatXLSX

/// The exported workbook as openpyxl and python-calamine see it, and its bytes.
@Suite struct ExportTests {
    func exported(_ dataset: Dataset? = nil) throws -> String {
        let data = try dataset ?? DatasetLoader().load(Repository.dataset).dataset
        let path = try Repository.temporaryFolder() + "/central-asia.xlsx"
        try WorkbookExporter().write(data, name: "central-asia", to: path)
        return path
    }

    @Test func theSameDatasetGivesTheSameBytes() throws {
        let first = try Data(contentsOf: URL(fileURLWithPath: try exported()))
        let second = try Data(contentsOf: URL(fileURLWithPath: try exported()))
        #expect(first == second)
        // Every ZIP entry carries libxlsxwriter's fixed time, 1980-01-01 00:00 (DOS time 0, date 0x0021).
        let bytes = [UInt8](first)
        var offset = 0
        var entries = 0
        while offset + 30 <= bytes.count, bytes[offset..<offset + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]) {
            #expect(bytes[offset + 10..<offset + 14].elementsEqual([0x00, 0x00, 0x21, 0x00]))
            let compressed =
                Int(bytes[offset + 18]) | Int(bytes[offset + 19]) << 8 | Int(bytes[offset + 20]) << 16 | Int(bytes[offset + 21]) << 24
            let nameLength = Int(bytes[offset + 26]) | Int(bytes[offset + 27]) << 8
            let extraLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
            offset += 30 + nameLength + extraLength + compressed
            entries += 1
        }
        #expect(entries > 20)
    }

    @Test func openpyxlAndCalamineSeeEverySheetValidationNameAndComment() throws {
        let loaded = try DatasetLoader().load(Repository.dataset)
        let seen = try WorkbookTools.inspect(try exported())
        let sheets = try #require(seen["sheets"] as? [String: [String: Any]])
        #expect(
            seen["order"] as? [String] == [
                "README", "Sources", "Countries", "Organizations", "Memberships", "Cooperation", "Indicators", "Events",
                "Trade", "Military bases", "_lists", "_regionkit",
            ])
        #expect(sheets["README"]?["state"] as? String == "visible")
        #expect(sheets["_lists"]?["state"] as? String == "hidden")
        #expect(sheets["_regionkit"]?["state"] as? String == "hidden")
        #expect(
            seen["defined_names"] as? [String] == [
                "ids_countries", "ids_organizations", "ids_sources", "list_cooperation_area", "list_country_role",
                "list_event_kind", "list_membership_status", "list_organization_kind", "list_qualifier",
            ])
        let properties = seen["properties"] as? [String: String]
        #expect(properties?["created"] == "2000-01-01 00:00:00")
        #expect(properties?["creator"] == "regionkit export")
        let calamine = try #require(seen["calamine_rows"] as? [String: Int])
        for table in DatasetSchema.tables {
            let sheet = try #require(sheets[table.title], "\(table.title)")
            #expect(calamine[table.title] == loaded.dataset[table.id].count + 1, "\(table.title)")
            #expect(sheet["header"] as? [String] == table.fields.map(\.title) + ["Row id at export"])
            #expect(sheet["freeze"] as? String == "A2")
            #expect(sheet["autofilter"] as? String != nil)
            let lastColumn = CellAddress.letters(of: table.fields.count + 1)
            #expect(sheet["hidden_columns"] as? [String] == [lastColumn], "\(table.title)")
            let comments = try #require(sheet["comments"] as? [String: String])
            for (index, field) in table.fields.enumerated() {
                let comment = comments[CellAddress.letters(of: index + 1) + "1"] ?? ""
                #expect(comment.contains(field.description), "\(table.title) \(field.key)")
                #expect(comment.hasSuffix("regionkit key: \(field.key)"), "\(table.title) \(field.key)")
            }
            let types = sheet["cell_types"] as? [String: Int] ?? [:]
            #expect(types["f"] == nil, "\(table.title) has formula cells")
        }
        let memberships = try #require(sheets["Memberships"]?["validations"] as? [[String: Any]])
        let byRange = Dictionary(memberships.map { ($0["range"] as? String ?? "", $0) }) { first, _ in first }
        #expect(byRange["D2:D1048576"]?["formula"] as? String == "list_membership_status")
        #expect(byRange["B2:B1048576"]?["formula"] as? String == "ids_countries")
        #expect(byRange["C2:C1048576"]?["formula"] as? String == "ids_organizations")
        #expect(byRange["E2:E1048576"]?["type"] as? String == "custom")
        #expect((byRange["D2:D1048576"]?["prompt"] as? String)?.hasPrefix("Required. One of: member") == true)
        let countries = try #require(sheets["Countries"]?["validations"] as? [[String: Any]])
        #expect(countries.contains { $0["range"] as? String == "G2:G1048576" && $0["type"] as? String == "decimal" })
        let countryTypes = sheets["Countries"]?["cell_types"] as? [String: Int] ?? [:]
        #expect(countryTypes["n"] == 2 * loaded.dataset[.countries].filter { $0["capital_latitude"] != nil }.count)
        let sourceTypes = sheets["Sources"]?["cell_types"] as? [String: Int] ?? [:]
        #expect(sourceTypes["d"] == 1, "the publication date is a real date cell")
    }

    @Test func textThatLooksLikeAFormulaIsWrittenAsTextAndReadBack() throws {
        var dataset = try DatasetLoader().load(Repository.dataset).dataset
        dataset[.countries][0]["capital"] = .text("=1+2")
        dataset[.countries][1]["capital"] = .text("+7 (495)")
        dataset[.countries][2]["capital"] = .text("-HYPERLINK(\"x\")")
        dataset[.countries][3]["capital"] = .text("@SUM(A1)")
        let path = try exported(dataset)
        let seen = try WorkbookTools.inspect(path)
        let sheets = try #require(seen["sheets"] as? [String: [String: Any]])
        for sheet in sheets.values {
            #expect((sheet["cell_types"] as? [String: Int])?["f"] == nil)
        }
        let imported = try XLSXFormat().read(path)
        #expect(imported.dataset[.countries] == dataset[.countries])
        #expect(imported.findings == [])
    }

    /// Number cells keep 16 significant digits (libxlsxwriter writes `%.16G`) and Excel shows 15; a number the
    /// export record holds and the cell matches to 15 digits reads back as the exported number, however many digits
    /// it has or however small or large it is.
    @Test func edgeNumbersReadBackExactly() throws {
        var dataset = try DatasetLoader().load(Repository.dataset).dataset
        let edges: [Double] = [
            1e21, 1e-7, -0.5, 0.1, 123_456_789_012_345_678, 9_007_199_254_740_993, 0.1 + 0.2, 9.99999999999999e307,
            -2.2250738585072014e-308,
        ]
        for (index, number) in edges.enumerated() {
            dataset[.indicators][index]["value"] = .number(number)
        }
        let imported = try XLSXFormat().read(try exported(dataset))
        #expect(imported.dataset[.indicators].prefix(edges.count).map { $0["value"] } == edges.map { .number($0) })
        #expect(imported.findings == [])
    }

    /// A number no Excel cell holds (a subnormal, read as 0; one of 10^308 or more, which 16 digits round past the
    /// largest double) stops the export, naming the table, row and field.
    @Test(arguments: [5e-324, -1e-310, 1e308, 1.7976931348623157e308])
    func aNumberNoCellHoldsStopsTheExport(_ number: Double) throws {
        var dataset = try DatasetLoader().load(Repository.dataset).dataset
        dataset[.indicators][1]["value"] = .number(number)
        #expect {
            try exported(dataset)
        } throws: { error in
            let message = (error as? RegionKitError)?.message ?? ""
            return message.hasPrefix(
                "xlsx: indicators row 'uzb-rus-trade-contracts-2017', field value (\(Repository.dataset):")
                && message.contains(
                    "): the number \(Value.format(number)) is outside what an Excel cell holds (0, or from 2.2250738585072014e-308 to 9.99999999999999e+307 either side of it), so nothing was written."
                )
        }
    }

    @Test func theReadmeSaysWhatEachSheetHoldsAndWhatNotToTouch() throws {
        let dataset = try DatasetLoader().load(Repository.dataset).dataset
        let text = ReadmeSheet(datasetName: "central-asia", fingerprint: "sha256:x", dataset: dataset).lines.map(\.text)
            .joined(separator: "\n")
        #expect(text.contains("Schema version \(DatasetSchema.version)"))
        for table in DatasetSchema.tables {
            let count = dataset[table.id].count
            #expect(text.contains("• \(table.title) (\(count) \(count == 1 ? "row" : "rows")): \(table.description)"))
        }
        #expect(text.contains("Do not touch"))
        #expect(text.contains("regionkit key:"))
    }

    @Test func thePartsOfTheBaseStayUnderExcelsCellLimitAndJoinBack() throws {
        let long = (0..<5000).map { "  line \($0): " + String(repeating: "x", count: 40) }.joined(separator: "\n") + "\n"
        let wide = "a: " + String(repeating: "ж", count: 40_000) + "\nb: c\n"
        let limit = ExportRecord.partLimit
        let edges = [
            "", "\n", "\n\n", "x", "a\n\nb",
            String(repeating: "y", count: limit - 1) + "\n" + String(repeating: "z", count: limit - 1) + "\n",
            String(repeating: "y", count: limit) + "\nq\n", String(repeating: "y", count: limit + 1),
            String(repeating: "y", count: limit - 1) + "\u{E9}\u{301}ok\n",
        ]
        for text in edges {
            let parts = ExportRecord.parts(of: text)
            #expect(parts.allSatisfy { $0.text.utf8.count <= limit })
            let joined = parts.map { $0.text + ($0.joinsNext ? "" : "\n") }.joined()
            #expect(joined == (text.hasSuffix("\n") || text.isEmpty ? text : text + "\n") || (text.isEmpty && joined == "\n"))
        }
        for text in [long, wide] {
            let parts = ExportRecord.parts(of: text)
            #expect(parts.count > 1)
            #expect(parts.allSatisfy { $0.text.utf8.count <= ExportRecord.partLimit })
            let record = ExportRecord(schemaVersion: "1", fingerprint: "sha256:x", datasetName: "d", columns: [], baseYAML: text)
            #expect(ExportRecord(rows: record.rows)?.baseYAML == text)
        }
        #expect(ExportRecord.parts(of: wide).map(\.joinsNext) == [true, true, false])
    }

}

/// The export record's copy of the dataset holds no text that looks like an Excel escape, so no spreadsheet changes it.
@Suite struct ExportRecordEscapeTests {
    @Test(arguments: [
        "plain", "_x0041_", "_x005F_x0041_", "~", "~~x", "a~b", "_x\u{0301}", "~x", "__xx__", "tail~", "_X0041_",
    ])
    func escapedTextReadsBackAndHoldsNoEscape(_ text: String) {
        let escaped = ExportRecord.escaped(text)
        #expect(!escaped.contains("_x"))
        #expect(ExportRecord.unescaped(escaped) == text)
        let record = ExportRecord(schemaVersion: "1", fingerprint: "sha256:x", datasetName: "d", columns: [], baseYAML: text + "\n")
        #expect(ExportRecord(rows: record.rows)?.baseYAML == text + "\n")
    }

    @Test func aRecordWithPlainBaseRowsReadsAsBefore() {
        let rows = [["layout", "1"], ["schema_version", "1"], ["fingerprint", "sha256:x"], ["base", "a: \"~x_x0041_\""]]
        #expect(ExportRecord(rows: rows)?.baseYAML == "a: \"~x_x0041_\"\n")
    }
}
