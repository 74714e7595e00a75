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
        let folder = try CSVFixture.export(dataset, dialect: dialect)
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
