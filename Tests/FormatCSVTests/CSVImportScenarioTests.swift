import FormatCSV
import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// Edits a person makes to an export, and exactly what the import reads and reports for each.
@Suite struct CSVImportScenarioTests {
    /// A fresh export of the canonical dataset in a dialect, and the dataset.
    static func exported(_ dialect: CSVDialect = .rfc4180) throws -> (folder: String, dataset: Dataset) {
        let dataset = try CSVFixture.canonical().dataset
        return (try CSVFixture.export(dataset, dialect: dialect), dataset)
    }

    /// The 1-based line of a text file on which `needle` starts, counted as a text editor counts lines.
    static func line(of needle: String, in path: String) throws -> Int {
        let text = try CSVFixture.text(path)
        let range = try #require(text.range(of: needle))
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
    }

    static func index(of id: String, in dataset: Dataset, _ table: TableID) throws -> Int {
        try #require(dataset[table].firstIndex { $0.id == id })
    }

    static func imported(_ folder: String, dialect: CSVDialect? = nil) throws -> ImportedDataset {
        try CSVFormat(importDialect: dialect).read(folder)
    }

    // MARK: Edits that read as changes

    @Test func anEditedCellIsReadWithItsLocation() throws {
        var (folder, expected) = try Self.exported()
        let path = folder + "/memberships.csv"
        try CSVFixture.edit(path, replacing: "kaz-eaeu-member,KAZ,eaeu,member,", with: "kaz-eaeu-member,KAZ,eaeu,observer,")
        let imported = try Self.imported(folder, dialect: .rfc4180)
        let row = try Self.index(of: "kaz-eaeu-member", in: expected, .memberships)
        expected[.memberships][row]["status"] = .text("observer")
        #expect(imported.dataset == expected)
        #expect(imported.findings == [])
        #expect(imported.dataset[.memberships][row].location(of: "status") == Location(file: path, line: 4, column: 4))
    }

    @Test func addedAndDeletedRowsAreRead() throws {
        var (folder, expected) = try Self.exported(.excelSemicolon)
        let path = folder + "/bases.csv"
        let deleted = try Self.index(of: "rus-bases-kgz", in: expected, .bases)
        let text = try CSVFixture.text(path)
        let kept = text.components(separatedBy: "\r\n").filter { !$0.hasPrefix("rus-bases-kgz;") }.joined(separator: "\r\n")
        let added = "kant-air-base;Kant air base;KGZ;RUS;ispi-2019-gusev;\"the construction of military bases in Kyrgyzstan\"\r\n"
        try CSVFixture.write(Array((kept + added).utf8), to: path)
        expected[.bases].remove(at: deleted)
        expected[.bases].append(
            Record([
                "id": .text("kant-air-base"), "name": .text("Kant air base"), "host": .text("KGZ"), "operator": .text("RUS"),
                "source": .text("ispi-2019-gusev"), "quote": .text("the construction of military bases in Kyrgyzstan"),
            ]))
        let imported = try Self.imported(folder)
        #expect(imported.dataset == expected)
        #expect(CSVFixture.problems(imported) == [])
    }

    /// A line break typed inside a quoted cell moves every later row down a line, and findings follow; `\r\n`
    /// inside a cell reads as `\n`, the dataset's one line break.
    @Test func findingsCountLineBreaksInsideQuotedCells() throws {
        let (folder, _) = try Self.exported()
        let path = folder + "/memberships.csv"
        try CSVFixture.edit(
            path, replacing: "in which Kazakhstan and Kyrgyzstan are full members",
            with: "\"in which Kazakhstan\nand Kyrgyzstan\r\nare full members\"")
        try CSVFixture.edit(
            path, replacing: "uzb-csto-withdrawn-2012,UZB,csto,withdrawn,", with: "uzb-csto-withdrawn-2012,UZB,csto,withdrawn ,")
        let line = try Self.line(of: "uzb-csto-withdrawn-2012", in: path)
        #expect(line == 12)
        let imported = try Self.imported(folder)
        let validated = DatasetLoader().validate(imported.dataset, path: Repository.dataset, decodeFindings: imported.findings)
        let problems = validated.findings.filter { $0.severity != .note }
        #expect(
            problems.map(\.description) == [
                "\(path):12:4: warning: status: 'withdrawn ' has trailing spaces; read as 'withdrawn' [cell.whitespace]"
            ])
        // The quote broken over three lines still matches its source: runs of white space may differ.
        #expect(imported.dataset[.memberships][2]["quote"] == .text("in which Kazakhstan\nand Kyrgyzstan\nare full members"))
    }

    @Test func valuesOfTheWrongTypeAreLocatedAndNamed() throws {
        let (folder, _) = try Self.exported(.excelSemicolon)
        let countries = folder + "/countries.csv"
        let events = folder + "/events.csv"
        try CSVFixture.edit(countries, replacing: "71,427774", with: "71.427774")
        try CSVFixture.edit(events, replacing: ";2017-04;", with: ";2017-4;")
        let imported = try Self.imported(folder)
        #expect(
            CSVFixture.problems(imported).map(\.description)
                == [
                    "\(countries):2:6: error: capital_longitude: '71.427774' is not a number: the decimal mark here is ',', not '.' [schema.type]\n  hint: write decimals with ',', without thousands separators",
                    "\(events):\(try Self.line(of: "2017-4", in: events)):2: error: date: '2017-4' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD [schema.date]\n  hint: type a full date as YYYY-MM-DD, a month as YYYY-MM, a year as YYYY",
                ].sorted())
        #expect(imported.dataset[.countries][0]["capital_longitude"] == nil)
        #expect(imported.dataset[.countries][0].unreadable == ["capital_longitude"])
    }

    @Test func listCellsAreSplitAndEmptyItemsRefused() throws {
        var (folder, expected) = try Self.exported()
        let path = folder + "/cooperation.csv"
        try CSVFixture.edit(path, replacing: ",security; military-technical,", with: ",security;military-technical;energy,")
        try CSVFixture.edit(path, replacing: "oil and gas; hydropower", with: "oil and gas;; hydropower")
        let row = try Self.index(of: "rus-ca-security-military-technical", in: expected, .cooperation)
        let emptied = try Self.index(of: "rus-ca-energy-projects", in: expected, .cooperation)
        expected[.cooperation][row]["areas"] = .list(["security", "military-technical", "energy"])
        expected[.cooperation][emptied]["areas"] = nil
        let imported = try Self.imported(folder, dialect: .rfc4180)
        #expect(imported.dataset == expected)
        #expect(
            imported.findings.map(\.description) == [
                "\(path):3:4: error: areas: item 3 of the list is empty (two ';' in a row, or one at either end) [cell.list]\n  hint: separate items with '; ', and type a ';' or '\\' inside an item as '\\;' or '\\\\'"
            ])
    }

    // MARK: Tolerated with a warning

    @Test func toleratedLayoutsReadTheSameDatasetWithWarnings() throws {
        let (folder, expected) = try Self.exported(.excel)
        let bases = folder + "/bases.csv"
        let trade = folder + "/trade.csv"
        let sources = folder + "/sources.csv"
        // No final line break, and blank lines at the end.
        var bytes = try CSVFixture.bytes(bases)
        bytes.removeLast(2)
        try CSVFixture.write(bytes, to: bases)
        try CSVFixture.write(
            try CSVFixture.bytes(trade) + Array("\r\n\r\n;;;;;\r\n".utf8).map { $0 == UInt8(ascii: ";") ? UInt8(ascii: ",") : $0 },
            to: trade)
        // Columns in another order, every cell quoted, and an extra empty column.
        let records = try Self.records(sources)
        let order = [1, 0] + Array(2..<records[0].count)
        let rewritten = records.map { cells in
            (order.map { "\"" + cells[$0].replacing("\"", with: "\"\"") + "\"" } + [""]).joined(separator: ",")
        }
        try CSVFixture.write(CSVWriter.byteOrderMark + Array((rewritten.joined(separator: "\r\n") + "\r\n").utf8), to: sources)

        let imported = try Self.imported(folder)
        #expect(imported.dataset == expected)
        #expect(
            CSVFixture.problems(imported).map(\.description) == [
                "\(bases):3:1: warning: the last line has no line break; it is read all the same [csv.final-line-break]",
                "\(trade):7:1: warning: 3 blank lines at the end of the file are skipped [csv.blank-line]",
            ])
    }

    @Test func columnTitlesAndTheWorkbooksRowIDColumnAreReadAsAWorkbookSheetHasThem() throws {
        let (folder, expected) = try Self.exported()
        let countries = folder + "/countries.csv"
        try CSVFixture.edit(
            countries, replacing: "id,alpha2,name,role,capital,capital_longitude,capital_latitude,",
            with: "ISO alpha-3,alpha2, Name ,ROLE,capital,Capital  Longitude,capital_latitude,")
        try CSVFixture.edit(countries, replacing: ",quote\n", with: ",quote,Row id at export\n")
        // The row-id column's cells: the ids at export; the CSV import does not read them.
        let text = try CSVFixture.text(countries)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let extended = lines.enumerated().map { index, line in
            index == 0 || line.isEmpty ? String(line) : line + ",old-id-\(index)"
        }
        try CSVFixture.write(Array(extended.joined(separator: "\n").utf8), to: countries)
        let imported = try Self.imported(folder, dialect: .rfc4180)
        #expect(imported.dataset == expected)
        #expect(
            imported.findings.map(\.description) == [
                "\(countries):1:1: note: countries: columns named otherwise than by their keys are read as the fields they name: 'ISO alpha-3' as id, ' Name ' as name, 'ROLE' as role, 'Capital  Longitude' as capital_longitude [table.column-title]\n  hint: the keys are: id, alpha2, name, role, capital, capital_longitude, capital_latitude, source, quote",
                "\(countries):1:10: note: countries: the column 'Row id at export' holds a workbook's row ids at export; CSV rows are matched by their 'id', so it is not read [csv.row-id-column]",
            ])
    }

    // MARK: Refused with an error

    @Test func structuralProblemsAreRefusedWithLocatedErrors() throws {
        let (folder, _) = try Self.exported()
        let memberships = folder + "/memberships.csv"
        let countries = folder + "/countries.csv"
        let events = folder + "/events.csv"
        let trade = folder + "/trade.csv"
        try CSVFixture.edit(memberships, replacing: "kaz-eaeu-member,KAZ,eaeu,member,,,", with: "kaz-eaeu-member,KAZ,eaeu,member,,")
        try CSVFixture.edit(countries, replacing: ",role,", with: ",rolle,")
        try CSVFixture.edit(events, replacing: ",summary,", with: ",date,")
        try CSVFixture.edit(trade, replacing: "id,", with: "ident,")
        let imported = try Self.imported(folder)
        #expect(
            CSVFixture.problems(imported).map(\.description) == [
                "\(countries):1:1: error: countries: countries.csv has no column for the field 'role' (Role); reading it would empty that field in every row [table.missing-column]\n  hint: put the column back with the header 'role'; to empty the field, keep its column and clear its cells",
                "\(countries):1:4: warning: countries: the column 'rolle' is not a field of countries; its cells are not imported [table.unknown-column]\n  hint: did you mean 'Role'?",
                "\(events):1:1: error: events: events.csv has no column for the field 'summary' (Summary); reading it would empty that field in every row [table.missing-column]\n  hint: put the column back with the header 'summary'; to empty the field, keep its column and clear its cells",
                "\(events):1:7: error: events: the column 'date' is the field 'date' again (first in column B (2)); its cells are not imported [table.duplicate-column]\n  hint: remove one of the two columns, or give the second its own header",
                "\(memberships):4:7: error: memberships: the row has 7 fields; the header has 8 [csv.field-count]\n  hint: a separator is missing",
                "\(trade):1:1: error: trade: trade.csv has no column for the key field 'id' (ID), so its rows cannot be matched; none is read [table.missing-key]\n  hint: the header row is: id, exporter, importer, goods, source, quote",
                "\(trade):1:1: warning: trade: the column 'ident' is not a field of trade; its cells are not imported [table.unknown-column]\n  hint: the columns of trade are: id, exporter, importer, goods, source, quote",
            ])
        // A row with a missing separator is matched by its id; its other cells are not read, being out of place.
        let short = try #require(imported.dataset[.memberships].first { $0.id == "kaz-eaeu-member" })
        #expect(short.values.count == 1)
        #expect(short.unreadable.count == 7)
        #expect(imported.findings.hasErrors)
    }

    @Test func invalidUTF8IsRefusedWithTheByteOffset() throws {
        let (folder, _) = try Self.exported()
        let path = folder + "/countries.csv"
        var bytes = try CSVFixture.bytes(path)
        let apostrophe = Array("’".utf8)
        let offset = try #require(bytes.indices.first { bytes[$0...].starts(with: apostrophe) })
        bytes.replaceSubrange(offset..<offset + apostrophe.count, with: [0x92])  // Windows-1252's apostrophe
        try CSVFixture.write(bytes, to: path)
        let error = try #require(throws: RegionKitError.self) { try Self.imported(folder) }
        #expect(error.kind == .syntax)
        #expect(error.message.contains("the file is not UTF-8: byte 0x92 at byte offset \(offset)"))
        #expect(error.message.hasPrefix(path + ":"))
    }

    @Test func anEmptyFileIsAnErrorNotAnUnknownDialect() throws {
        let (folder, _) = try Self.exported()
        try CSVFixture.write(CSVWriter.byteOrderMark, to: folder + "/bases.csv")
        let imported = try Self.imported(folder)
        #expect(
            CSVFixture.problems(imported).map(\.description) == [
                "\(folder)/bases.csv:1:1: error: bases: the file is empty; it needs at least the header row [csv.empty]\n  hint: the header row is: id,name,host,operator,source,quote"
            ])
    }

    // MARK: Dialects

    @Test func aHeaderWithBothSeparatorsIsRefusedNamingTheChoices() throws {
        let (folder, _) = try Self.exported()
        let path = folder + "/bases.csv"
        try CSVFixture.edit(path, replacing: "id,name,", with: "id;name,")
        let error = try #require(throws: RegionKitError.self) { try Self.imported(folder) }
        #expect(
            error.message
                == "\(path):1:1: cannot tell the CSV dialect: its header row has both ',' and ';' between fields; choose one with --dialect: rfc4180, excel, excel-semicolon"
        )
        #expect(try Self.imported(folder, dialect: .rfc4180).findings.map(\.code) == ["table.missing-key", "table.unknown-column"])
    }

    /// A comma file with `\r\n` and no byte order mark may be rfc4180 or an excel file saved without its mark:
    /// it reads as rfc4180, unless a cell starts with `'`, which the two read differently.
    @Test func crlfWithoutByteOrderMarkIsAmbiguousOnlyWhereItMatters() throws {
        var dataset = try CSVFixture.canonical().dataset
        let excel = try CSVFixture.export(dataset, dialect: .excel)
        for name in Repository.files(under: excel) where name.hasSuffix(".csv") {
            try CSVFixture.write(Array(try CSVFixture.bytes(excel + "/" + name).dropFirst(3)), to: excel + "/" + name)
        }
        let plain = try Self.imported(excel)
        #expect(plain.dataset == dataset)
        #expect(plain.findings.count == 1)
        #expect(
            plain.findings.first?.message.hasPrefix(
                "read the 9 CSV files as dialect rfc4180 (excel would read them the same), detected from their header rows:") == true)

        dataset[.bases][0]["name"] = .text("=1+2")
        let guarded = try CSVFixture.export(dataset, dialect: .excel)
        let path = guarded + "/bases.csv"
        try CSVFixture.write(Array(try CSVFixture.bytes(path).dropFirst(3)), to: path)
        let refused = try Self.imported(guarded)
        #expect(
            CSVFixture.problems(refused).map(\.description) == [
                "\(path):2:2: error: name: the cell starts with ', which dialect excel drops as a formula guard and rfc4180 keeps, and the file could be in either (',' between fields, no byte order mark, \\r\\n line breaks as excel writes) [csv.dialect-ambiguous]\n  hint: choose one with --dialect: rfc4180 or excel"
            ])
        #expect(try Self.imported(guarded, dialect: .excel).dataset == dataset)
    }

    @Test func aWrongGivenDialectIsNamed() throws {
        let (folder, _) = try Self.exported(.rfc4180)
        let imported = try Self.imported(folder, dialect: .excelSemicolon)
        let first = try #require(imported.findings.first)
        #expect(imported.findings.count == 9)
        #expect(
            first.description
                == "\(folder)/bases.csv:1:1: error: the header row is a single column: the file is not separated by ';' as dialect excel-semicolon is [csv.dialect]\n  hint: choose the file's dialect with --dialect: rfc4180, excel, excel-semicolon"
        )
    }

    // MARK: The descriptor

    @Test func theDescriptorNamesTheFilesAndAMissingTableIsAnError() throws {
        let (folder, expected) = try Self.exported()
        let descriptor = folder + "/datapackage.json"
        try FileManager.default.moveItem(atPath: folder + "/trade.csv", toPath: folder + "/goods.csv")
        try CSVFixture.edit(descriptor, replacing: "\"path\": \"trade.csv\"", with: "\"path\": \"goods.csv\"")
        #expect(try Self.imported(descriptor).dataset == expected)

        try CSVFixture.edit(descriptor, replacing: "\"name\": \"bases\"", with: "\"name\": \"basis\"")
        let imported = try Self.imported(folder)
        #expect(
            CSVFixture.problems(imported).map(\.description) == [
                "\(descriptor): error: the descriptor has no resource for the table 'bases'; an import would take its rows for deleted [csv.missing-table]\n  hint: add {\"name\": \"bases\", \"path\": \"bases.csv\"} to its resources",
                "\(descriptor):resources[8]: error: unknown table 'basis'; the resource is not read [csv.unknown-table]\n  hint: did you mean 'bases'?",
            ])

        try CSVFixture.edit(descriptor, replacing: "\"path\": \"goods.csv\"", with: "\"path\": \"../goods.csv\"")
        #expect(throws: RegionKitError.self) { try Self.imported(folder) }
        try FileManager.default.removeItem(atPath: descriptor)
        let missing = try #require(throws: RegionKitError.self) { try Self.imported(folder) }
        #expect(missing.message == "\(folder): the folder holds no datapackage.json")
    }

    /// The cells of a CSV file, read with RegionKit's reader.
    static func records(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(path: path, file: path)
        var rows: [[String]] = []
        while let record = try reader.next() { rows.append(record.cells.map(\.text)) }
        return rows
    }
}
