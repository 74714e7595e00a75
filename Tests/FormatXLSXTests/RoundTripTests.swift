import Foundation
import RegionKitFormats
import TestSupport
import Testing

@testable import FormatXLSX

/// Export, then import: nothing changes, directly, through `regionkit import`, and after LibreOffice re-saves it.
@Suite struct RoundTripTests {
    func canonical() throws -> LoadedDataset {
        try DatasetLoader().load(Repository.dataset)
    }

    @Test func theReaderReadsTheExportBackEqualWithItsBaseAndRowIDs() throws {
        let loaded = try canonical()
        let folder = try Repository.temporaryFolder()
        let path = folder + "/central-asia.xlsx"
        try WorkbookExporter().write(loaded.dataset, name: "central-asia", to: path)

        let imported = try XLSXFormat().read(path)
        #expect(imported.dataset == loaded.dataset)
        #expect(imported.findings == [])
        #expect(try imported.base == loaded.dataset)
        #expect(imported.baseFingerprint == (try DatasetFingerprint.of(loaded.dataset)))
        for table in TableID.allCases {
            #expect(imported.dataset[table].allSatisfy { $0.baseID == $0.id }, "\(table)")
        }
        let membership = try #require(imported.dataset[.memberships].first)
        #expect(membership.location(of: "status")?.cell == "Memberships!D2")
        #expect(membership.location?.cell == "Memberships!A2")
        let validated = DatasetLoader().validate(
            imported.dataset, path: path, sourceFolder: loaded.folder.path, decodeFindings: imported.findings)
        #expect(validated.findings == [])
    }

    @Test func constantMemoryAndFullModesWriteTheSameWorkbookContent() throws {
        let loaded = try canonical()
        var full = WorkbookExporter()
        full.constantMemory = false
        let streamed = try XLSXFormat().read(try write(loaded, with: WorkbookExporter()))
        let inMemory = try XLSXFormat().read(try write(loaded, with: full))
        #expect(streamed.dataset == inMemory.dataset)
        #expect(inMemory.dataset == loaded.dataset)
    }

    func write(_ loaded: LoadedDataset, with exporter: WorkbookExporter) throws -> String {
        let path = try Repository.temporaryFolder() + "/central-asia.xlsx"
        try exporter.write(loaded.dataset, name: "central-asia", to: path)
        return path
    }

    @Test func exportThenImportReportsNoChanges() throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let workbook = try WorkbookTools.export(dataset, into: folder + "/exports")
        let run = try RegionKitBinary.run(["import", workbook, "--dataset", dataset])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                import \(workbook) (xlsx, two-way) into \(dataset)
                no changes: the file matches the dataset

                """)
    }

    @Test func theCommittedExportImportsWithNoChanges() throws {
        let run = try RegionKitBinary.run(["import", "Exports/xlsx/central-asia.xlsx"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("no changes: the file matches the dataset\n"))
    }
}

/// LibreOffice re-saves the workbook (dropping the frozen pane and rewriting strings as shared strings); the data
/// survives, and a formula LibreOffice computed is read with a warning.
@Suite(.serialized) struct LibreOfficeTests {
    @Test func aLibreOfficeResaveImportsWithNoChanges() throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let workbook = try WorkbookTools.export(dataset, into: folder + "/exports")
        let resaved = try WorkbookTools.libreOffice(workbook)

        let seen = try WorkbookTools.inspect(resaved)
        let sheets = seen["sheets"] as? [String: [String: Any]] ?? [:]
        #expect(sheets["Memberships"]?["freeze"] is NSNull, "LibreOffice keeps the frozen pane now; update the README")
        #expect(sheets["_regionkit"]?["state"] as? String == "hidden")
        #expect(sheets["_lists"]?["state"] as? String == "hidden")
        #expect(sheets["Memberships"]?["hidden_columns"] as? [String] == ["I"])
        #expect(((sheets["Memberships"]?["comments"] as? [String: String])?["D1"] ?? "").hasSuffix("regionkit key: status"))
        #expect((sheets["Memberships"]?["validations"] as? [Any])?.count == 8)
        #expect((seen["defined_names"] as? [String])?.count == 9)

        let result = try WorkbookTools.importJSON(resaved, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.changes == [])
        #expect(result.report.codes == [])

        let imported = try XLSXFormat().read(resaved)
        #expect(imported.dataset == (try DatasetLoader().load(dataset)).dataset)
        #expect(try imported.base == (try DatasetLoader().load(dataset)).dataset)
    }

    @Test func aFormulaLibreOfficeComputedIsReadFromItsCachedValueWithAWarning() throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let workbook = try WorkbookTools.export(dataset, into: folder + "/exports")
        let edited = folder + "/formula.xlsx"
        try WorkbookTools.edit("formula", workbook, edited)
        let resaved = try WorkbookTools.libreOffice(edited)

        let result = try WorkbookTools.importJSON(resaved, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.findings == ["warning xlsx.formula Countries!C2"])
        #expect(result.report.changes == [])
    }

    @Test func anOpenDocumentFileRenamedXLSXIsRefused() throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let workbook = try WorkbookTools.export(dataset, into: folder + "/exports")
        let ods = try WorkbookTools.libreOffice(workbook, to: "ods")
        let renamed = folder + "/renamed.xlsx"
        try FileManager.default.copyItem(atPath: ods, toPath: renamed)
        let run = try RegionKitBinary.run(["import", renamed, "--dataset", dataset, "--apply"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: \(renamed): is an OpenDocument file (application/vnd.oasis.opendocument.spreadsheet), not an XLSX workbook; save it as an Excel 2007-365 workbook (.xlsx)\n"
        )
    }
}
