import FormatCSV
import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// Export, then import: the same dataset, in every dialect.
@Suite struct CSVRoundTripTests {
    @Test(arguments: CSVDialect.allCases)
    func importOfAnExportIsTheExportedDataset(_ dialect: CSVDialect) throws {
        let loaded = try CSVFixture.canonical()
        let folder = try CSVFixture.export(loaded.dataset, dialect: dialect)
        let imported = try CSVFormat().read(folder)
        #expect(imported.dataset == loaded.dataset)
        #expect(try imported.base == loaded.dataset, "the package keeps the exported dataset as the base of three-way merges")
        #expect(imported.baseFingerprint == (try DatasetFingerprint.of(loaded.dataset)))
        #expect(CSVFixture.problems(imported) == [])
        let note = try #require(imported.findings.first)
        #expect(imported.findings.count == 1)
        #expect(note.code == "csv.dialect" && note.severity == .note)
        #expect(
            note.message.hasPrefix(
                "read the 9 CSV files as dialect \(dialect), detected from their header rows: "))
        #expect(note.location == Location(file: folder + "/sources.csv", line: 1, column: 1))
        #expect(DatasetLoader().validate(imported.dataset, path: Repository.dataset).findings == [])
    }

    @Test(arguments: CSVDialect.allCases)
    func aGivenDialectNeedsNoNote(_ dialect: CSVDialect) throws {
        let loaded = try CSVFixture.canonical()
        let folder = try CSVFixture.export(loaded.dataset, dialect: dialect)
        let imported = try CSVFormat(importDialect: dialect).read(folder + "/datapackage.json")
        #expect(imported.dataset == loaded.dataset)
        #expect(imported.findings == [])
    }

    @Test(arguments: CSVDialect.allCases)
    func exportsAreByteForByteTheSameOnEveryRun(_ dialect: CSVDialect) throws {
        let dataset = try CSVFixture.canonical().dataset
        let first = try CSVFixture.export(dataset, dialect: dialect)
        let second = try CSVFixture.export(dataset, dialect: dialect)
        let names = Repository.files(under: first)
        #expect(names == (DatasetSchema.tables.map { "\($0.id).csv" } + ["datapackage.json", "regionkit-base.yaml"]).sorted())
        for name in names {
            #expect(try CSVFixture.bytes(first + "/" + name) == CSVFixture.bytes(second + "/" + name), "\(name)")
        }
    }

    @Test func dialectsDifferInSeparatorDecimalMarkLineBreakAndByteOrderMark() throws {
        let dataset = try CSVFixture.canonical().dataset
        let rfc = try CSVFixture.bytes(try CSVFixture.export(dataset, dialect: .rfc4180) + "/countries.csv")
        let excel = try CSVFixture.bytes(try CSVFixture.export(dataset, dialect: .excel) + "/countries.csv")
        let semicolon = try CSVFixture.bytes(try CSVFixture.export(dataset, dialect: .excelSemicolon) + "/countries.csv")
        let header = "id,alpha2,name,role,capital,capital_longitude,capital_latitude,source,quote"
        #expect(
            String(decoding: rfc, as: UTF8.self).hasPrefix(
                header + "\nKAZ,KZ,Kazakhstan,central asian state,Nur-Sultan,71.427774,51.181125,"))
        #expect(
            excel.starts(
                with: [0xEF, 0xBB, 0xBF] + Array((header + "\r\nKAZ,KZ,Kazakhstan,central asian state,Nur-Sultan,71.427774,").utf8)))
        #expect(
            semicolon.starts(
                with: [0xEF, 0xBB, 0xBF]
                    + Array(
                        (header.replacing(",", with: ";") + "\r\nKAZ;KZ;Kazakhstan;central asian state;Nur-Sultan;71,427774;51,181125;")
                            .utf8)))
    }

    /// Values that need quoting, escaping or a formula guard read back exactly, in every dialect.
    @Test(arguments: CSVDialect.allCases)
    func awkwardValuesReadBackExactly(_ dialect: CSVDialect) throws {
        var dataset = try CSVFixture.canonical().dataset
        let awkward = [
            "=HYPERLINK(\"http://example.org\")", "+7 (495) 000-00-00", "-minus", "@SUM(A1)", "a\ttab inside",
            "'apostrophe", "''two", "semi; colon, comma \"quote\"", "two\nlines", "Кириллица; ещё", "back\\slash",
        ]
        for (index, text) in awkward.enumerated() {
            dataset[.countries][index % dataset[.countries].count]["capital"] = .text(text)
            dataset[.memberships][index]["quote"] = .text(text)
        }
        dataset[.trade][0]["goods"] = .list(["a; b", "c\\d", "=e", "'f"])
        dataset[.countries][0]["capital_longitude"] = .number(-71.5)
        dataset[.countries][1]["capital_latitude"] = .number(0.000001)
        dataset[.indicators][0]["value"] = .number(-12_000_000_000)
        // Numbers a double holds only in exponent form, or barely: the text is the shortest that reads back exactly,
        // with the dialect's decimal mark, and no number reads with a warning.
        let edges: [(Double, String)] = [
            (1e21, "1.0e+21"), (1e-7, "1.0e-07"), (-0.5, "-0.5"), (0.1, "0.1"), (123_456_789_012_345_678, "1.2345678901234568e+17"),
            (9_007_199_254_740_993, "9007199254740992"), (5e-324, "5.0e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        ]
        for (index, edge) in edges.enumerated() {
            dataset[.indicators][index + 1]["value"] = .number(edge.0)
        }
        let folder = try CSVFixture.export(dataset, dialect: dialect)
        let indicators = String(decoding: try CSVFixture.bytes(folder + "/indicators.csv"), as: UTF8.self)
        let separator = Character(Unicode.Scalar(dialect.delimiter))
        for (index, edge) in edges.enumerated() {
            let cell = edge.1.replacing(".", with: String(dialect.decimalMark))
            let id = try #require(dataset[.indicators][index + 1].id)
            #expect(indicators.contains("\(id)\(separator)") && indicators.contains("\(separator)\(cell)\(separator)"), "\(cell)")
        }
        let imported = try CSVFormat(importDialect: dialect).read(folder)
        #expect(imported.findings == [])
        for table in TableID.allCases {
            for (read, written) in zip(imported.dataset[table], dataset[table]) where read != written {
                Issue.record("\(table) \(written.id ?? ""): \(read.values) != \(written.values)")
            }
        }
        #expect(imported.dataset == dataset)
        let countries = String(decoding: try CSVFixture.bytes(folder + "/countries.csv"), as: UTF8.self)
        if dialect.guardsFormulas {
            #expect(countries.contains("'=HYPERLINK"))
            #expect(countries.contains("''apostrophe"))
        } else {
            #expect(countries.contains("\"=HYPERLINK(\"\"http://example.org\"\")\""))
            #expect(countries.contains(",'apostrophe,"))
        }
    }

    /// A cell longer than a spreadsheet cell (32 767 UTF-16 code units, formula guard and list escapes counted)
    /// stops the export, naming the table, row and field, and nothing is written; a cell of exactly the limit is
    /// written and reads back whole.
    @Test(arguments: CSVDialect.allCases)
    func aCellTooLongForASpreadsheetStopsTheExport(_ dialect: CSVDialect) throws {
        let loaded = try CSVFixture.canonical()
        let tooLong: [(Value, String, Int)] = [
            (.text(String(repeating: "x", count: 40_000)), "countries row 'KAZ', field capital", 40_000),
            (.text(String(repeating: "\u{1F468}", count: 20_000)), "countries row 'KAZ', field capital", 40_000),
        ]
        for (value, place, units) in tooLong {
            var dataset = loaded.dataset
            dataset[.countries][0]["capital"] = value
            let folder = try Repository.temporaryFolder()
            let message = Self.exportError(dataset, dialect: dialect, into: folder)
            #expect(message?.hasPrefix("csv: \(place) (\(Repository.dataset):") == true, "\(message ?? "")")
            #expect(
                message?.contains(
                    "): the cell would hold \(units) characters (UTF-16 code units, as Excel counts them), more than the 32767 a spreadsheet cell holds; Excel would cut it, so nothing was written."
                ) == true, "\(message ?? "")")
            #expect(Repository.files(under: folder) == [], "the tables written before it are dropped")
        }
        // A guarded cell counts its guard: in the excel dialects `'=` and 32 766 more is one too many.
        var dataset = loaded.dataset
        let formula = "=" + String(repeating: "y", count: 32_766)
        dataset[.countries][0]["capital"] = .text(formula)
        if dialect.guardsFormulas {
            let message = Self.exportError(dataset, dialect: dialect, into: try Repository.temporaryFolder())
            #expect(message?.contains("): the cell would hold 32768 characters") == true, "\(message ?? "")")
        } else {
            let folder = try CSVFixture.export(dataset, dialect: dialect)
            #expect(try CSVFormat(importDialect: dialect).read(folder).dataset == dataset)
        }
        let capital = String(repeating: "\u{1F468}", count: 16_383) + "x"
        dataset[.countries][0]["capital"] = .text(capital)
        let folder = try CSVFixture.export(dataset, dialect: dialect)
        #expect(try CSVFormat(importDialect: dialect).read(folder).dataset == dataset)
    }

    /// The message of the error exporting `dataset` as CSV into `folder` gives, or nil when it succeeds. The
    /// export's transaction is gone when this returns, as it is when `regionkit export` fails.
    static func exportError(_ dataset: Dataset, dialect: CSVDialect, into folder: String) -> String? {
        let transaction = OutputTransaction()
        let request = ExportRequest(dataset: dataset, name: "central-asia", options: [CSVFormat.dialectOption: dialect.name])
        do {
            try CSVFormat().export(request, to: ExportOutput(folder: folder, transaction: transaction))
            try transaction.commit()
            return nil
        } catch {
            return error.message
        }
    }

    @Test func unknownDialectOptionIsRefused() throws {
        let dataset = try CSVFixture.canonical().dataset
        let request = ExportRequest(dataset: dataset, name: "x", options: ["dialect": "excel-tab"])
        let output = ExportOutput(folder: try Repository.temporaryFolder(), transaction: OutputTransaction())
        let error = try #require(throws: RegionKitError.self) { try CSVFormat().export(request, to: output) }
        #expect(error.kind == .invalidOption)
        #expect(error.message == "unknown CSV dialect 'excel-tab'; known: rfc4180, excel, excel-semicolon")
    }

    @Test func recognizesPackagesButNotLoneFiles() throws {
        let folder = try CSVFixture.export(try CSVFixture.canonical().dataset, dialect: .rfc4180)
        let format = CSVFormat()
        #expect(format.recognizes(folder))
        #expect(format.recognizes(folder + "/"))
        #expect(format.recognizes(folder + "/datapackage.json"))
        #expect(!format.recognizes(folder + "/countries.csv"))
        #expect(!format.recognizes(Repository.dataset))
        #expect(FormatRegistry.builtIn.importer(for: folder)?.descriptor.id == "csv")
        #expect(FormatRegistry.builtIn.importer(for: Repository.dataset)?.descriptor.id == "yaml")
    }
}
