import FormatCSV
import Foundation
import RegionKitFormats
import TestSupport
import Testing

/// Frictionless, an independent validator from PyPI, checks exports against the descriptor RegionKit writes.
@Suite struct FrictionlessTests {
    @Test func theCommittedExportIsValid() throws {
        let run = try ProgramRun.tool("frictionless", ["validate", "Exports/csv/datapackage.json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test(arguments: CSVDialect.allCases)
    func everyDialectIsValid(_ dialect: CSVDialect) throws {
        let folder = try CSVFixture.export(try CSVFixture.canonical().dataset, dialect: dialect)
        let run = try ProgramRun.tool("frictionless", ["validate", folder + "/datapackage.json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    /// The descriptor is no formality: a closed-list typo, a bad list, an unknown reference and a duplicate id fail.
    @Test func frictionlessRejectsWhatTheSchemaForbids() throws {
        let folder = try CSVFixture.export(try CSVFixture.canonical().dataset, dialect: .excelSemicolon)
        try CSVFixture.edit(folder + "/memberships.csv", replacing: ";member;", with: ";memeber;")
        try CSVFixture.edit(folder + "/cooperation.csv", replacing: "\"security; military-technical\"", with: "security,military-technical")
        try CSVFixture.edit(folder + "/bases.csv", replacing: ";KGZ;RUS;", with: ";KGZ;XXX;")
        try CSVFixture.edit(folder + "/countries.csv", replacing: "71,427774", with: "181")
        let run = try ProgramRun.tool("frictionless", ["validate", "--json", folder + "/datapackage.json"])
        #expect(run.status != 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let tasks = report["tasks"] as? [[String: Any]] ?? []
        var failures: [String: Set<String>] = [:]
        for task in tasks {
            let name = task["name"] as? String ?? ""
            for error in task["errors"] as? [[String: Any]] ?? [] {
                failures[name, default: []].insert("\(error["type"] ?? "")\(error["fieldName"].map { ":\($0)" } ?? "")")
            }
        }
        #expect(
            failures == [
                "memberships": ["constraint-error:status"],
                "cooperation": ["constraint-error:areas"],
                "bases": ["foreign-key"],
                "countries": ["constraint-error:capital_longitude"],
            ])
    }

    /// The descriptor's fields are the catalogue's: names in order, types, required fields, closed lists, keys.
    @Test(arguments: CSVDialect.allCases)
    func theDescriptorIsTheCatalogue(_ dialect: CSVDialect) throws {
        let descriptor = DataPackageDescriptor.make(name: "central-asia", dialect: dialect, fingerprint: "sha256:0")
        guard case .array(let resources)? = descriptor["resources"] else { throw MissingTool(name: "resources") }
        #expect(resources.count == DatasetSchema.tables.count)
        for (resource, spec) in zip(resources, DatasetSchema.tables) {
            #expect(resource["name"] == .string(spec.id.rawValue))
            #expect(resource["path"] == .string("\(spec.id).csv"))
            let schema = try #require(resource["schema"])
            guard case .array(let fields)? = schema["fields"] else { throw MissingTool(name: "fields of \(spec.id)") }
            #expect(fields.map { $0["name"] } == spec.fields.map { .string($0.key) })
            for (field, catalogue) in zip(fields, spec.fields) {
                #expect(field["type"] == .string(catalogue.type == .number ? "number" : "string"), "\(spec.id).\(catalogue.key)")
                #expect((field["constraints"]?["required"] == .bool(true)) == catalogue.required, "\(spec.id).\(catalogue.key)")
                if case .enumeration(let domain) = catalogue.type {
                    #expect(field["constraints"]?["enum"] == .array(domain.values.map(JSONValue.string)))
                }
                if catalogue.type == .number {
                    #expect(field["decimalChar"] == (dialect == .excelSemicolon ? .string(",") : nil))
                }
            }
            #expect(schema["primaryKey"] == .array([.string("id")]))
            let references = spec.fields.filter { !$0.type.isList && $0.referencedTable != nil }
            if case .array(let keys)? = schema["foreignKeys"] {
                #expect(keys.map { $0["fields"] } == references.map { .array([.string($0.key)]) })
                #expect(keys.map { $0["reference"]?["resource"] } == references.map { .string($0.referencedTable?.rawValue ?? "") })
            } else {
                #expect(references.isEmpty, "\(spec.id) has references but no foreign keys")
            }
        }
        #expect(descriptor["regionkit"]?["dialect"] == .string(dialect.name))
    }
}

/// Python's csv module and polars read every export with the same cells as RegionKit writes, and polars parses
/// the number columns to the dataset's numbers, using only what datapackage.json says.
@Suite struct OtherReadersTests {
    @Test(arguments: CSVDialect.allCases)
    func pythonCSVAndPolarsReadTheSameValues(_ dialect: CSVDialect) throws {
        let dataset = try CSVFixture.canonical().dataset
        let folder = try CSVFixture.export(dataset, dialect: dialect)
        let run = try ProgramRun.tool("python3", [Repository.path("Tests/Tools/read_csv_package.py"), folder])
        try #require(run.status == 0, "\(run.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let codec = CellCodec(dialect: dialect)
        for spec in DatasetSchema.tables {
            let expected =
                [spec.keys]
                + dataset[spec.id].map { record in
                    spec.fields.map { field in record[field.key].map { codec.text(of: $0, field: field) } ?? "" }
                }
            for reader in ["csv", "polars"] {
                let rows = (read[reader] as? [String: Any])?[spec.id.rawValue] as? [[String]]
                #expect(rows == expected, "\(reader) read \(spec.id) differently")
            }
            let numbers = ((read["numbers"] as? [String: Any])?[spec.id.rawValue] as? [String: [Any]]) ?? [:]
            for field in spec.fields where field.type == .number {
                let parsed = numbers[field.key]?.map { $0 as? Double }
                #expect(parsed == dataset[spec.id].map { $0[field.key]?.number }, "polars parsed \(spec.id).\(field.key) differently")
            }
        }
    }
}

/// LibreOffice, set to a Russian locale, opens an export and saves it again with ';' between fields and a decimal
/// comma, as a spreadsheet user would; the file it writes imports with no change.
@Suite struct LibreOfficeTests {
    /// The CSV import filter options: separator, quote, UTF-8, first line, each column's type (text, or standard
    /// for numbers, so that LibreOffice keeps texts as they are), and the language the numbers are written in.
    static func importFilter(_ spec: TableSpec, from dialect: CSVDialect) -> String {
        let types = spec.fields.enumerated().map { "\($0.offset + 1)/\($0.element.type == .number ? 1 : 2)" }
        let language = dialect == .excelSemicolon ? 1049 : 1033
        return "CSV:\(dialect.delimiter),34,76,1,\(types.joined(separator: "/")),\(language)"
    }

    /// The CSV export filter: ';' between fields, '"' quotes, UTF-8, Russian.
    static let exportFilter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1049"

    @Test(arguments: [CSVDialect.rfc4180, .excelSemicolon])
    func aFileSavedByLibreOfficeImportsUnchanged(_ dialect: CSVDialect) throws {
        let dataset = try CSVFixture.canonical().dataset
        let exported = try CSVFixture.export(dataset, dialect: dialect)
        let saved = try Repository.temporaryFolder()
        let home = try Repository.temporaryFolder()
        let environment = ["HOME": home, "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8"]
        for spec in DatasetSchema.tables {
            let run = try ProgramRun.tool(
                "soffice",
                [
                    "--headless", "--infilter=\(Self.importFilter(spec, from: dialect))", "--convert-to", Self.exportFilter,
                    "--outdir", saved, exported + "/\(spec.id).csv",
                ],
                environment: environment)
            try #require(run.status == 0, "\(run.stdout)\(run.stderr)")
        }
        try FileManager.default.copyItem(atPath: exported + "/datapackage.json", toPath: saved + "/datapackage.json")
        let countries = try String(contentsOfFile: saved + "/countries.csv", encoding: .utf8)
        #expect(countries.contains("KAZ;KZ;Kazakhstan;central asian state;Nur-Sultan;71,427774;51,181125;"), "\(countries)")

        let imported = try CSVFormat().read(saved)
        #expect(imported.dataset == dataset)
        for table in TableID.allCases {
            for (read, written) in zip(imported.dataset[table], dataset[table]) where read != written {
                Issue.record("\(table) \(written.id ?? ""): \(read.values) != \(written.values)")
            }
        }
        #expect(imported.findings.map(\.code) == ["csv.dialect"])
        #expect(imported.findings.first?.message.contains("as dialect excel-semicolon") == true)
    }

    /// The export filter for every sheet of a workbook: ';' between fields, '"' quotes, UTF-8, Russian, each sheet
    /// to its own file (`book-Memberships.csv`).
    static let allSheetsFilter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1049,true,true,true,false,false,-1"

    /// An analyst opens the workbook export in LibreOffice, set to a Russian locale, and saves every sheet as CSV; the
    /// files, put in place of a CSV export's, import with no change. Their headers are the sheets' column titles,
    /// the last column is the workbook's row ids, numbers have a decimal comma and there is no byte order mark.
    @Test func theWorkbookSavedAsCSVByLibreOfficeImportsUnchanged() throws {
        let dataset = try CSVFixture.canonical().dataset
        let workbookFolder = try Repository.temporaryFolder()
        let transaction = OutputTransaction()
        let xlsx = try #require(FormatRegistry.builtIn.exporter(id: "xlsx"))
        try xlsx.export(
            ExportRequest(dataset: dataset, name: "book", options: [:]),
            to: ExportOutput(folder: workbookFolder, transaction: transaction))
        try transaction.commit()

        let sheets = try Repository.temporaryFolder()
        let home = try Repository.temporaryFolder()
        let run = try ProgramRun.tool(
            "soffice", ["--headless", "--convert-to", Self.allSheetsFilter, "--outdir", sheets, workbookFolder + "/book.xlsx"],
            environment: ["HOME": home, "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8"])
        try #require(run.status == 0, "\(run.stdout)\(run.stderr)")

        // The package around them: a CSV export's descriptor and base, its CSV files replaced by LibreOffice's.
        let package = try CSVFixture.export(dataset, dialect: .excelSemicolon)
        for spec in DatasetSchema.tables {
            let saved = sheets + "/book-\(spec.title).csv"
            try FileManager.default.removeItem(atPath: package + "/\(spec.id).csv")
            try FileManager.default.copyItem(atPath: saved, toPath: package + "/\(spec.id).csv")
        }
        let countries = try CSVFixture.text(package + "/countries.csv")
        #expect(countries.hasPrefix("\"ISO alpha-3\";"), "\(countries)")
        #expect(countries.contains(";71,427774;51,181125;"), "\(countries)")

        let imported = try CSVFormat().read(package)
        #expect(imported.dataset == dataset)
        for table in TableID.allCases {
            for (read, written) in zip(imported.dataset[table], dataset[table]) where read != written {
                Issue.record("\(table) \(written.id ?? ""): \(read.values) != \(written.values)")
            }
        }
        #expect(CSVFixture.problems(imported).isEmpty, "\(CSVFixture.problems(imported))")
        let codes = Set(imported.findings.map(\.code))
        #expect(codes == ["csv.dialect", "csv.row-id-column", "table.column-title"], "\(imported.findings)")

        // Through the command line, as the analyst runs it: a dry run that finds nothing to change.
        let scratch = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: scratch + "/central-asia")
        let dryRun = try RegionKitBinary.run(["import", package, "--dataset", scratch + "/central-asia/dataset.yaml"])
        #expect(dryRun.status == 0, "\(dryRun.stdout)\(dryRun.stderr)")
        #expect(dryRun.stdout.hasSuffix("\nno changes: the file matches the dataset\n"), "\(dryRun.stdout)")
    }
}
