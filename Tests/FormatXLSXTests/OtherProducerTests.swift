import Foundation
import TestSupport
import Testing

@testable import FormatXLSX

/// Workbooks as other tools package them: saved macro-enabled (`.xlsm`) or as a template, with `\` between folders in
/// the ZIP entry names, or with the workbook part somewhere other than `xl/workbook.xml`. Each is made from an export
/// rewritten with Python's `zipfile` (`workbook_tool.py repackage`), checked with a reader that already reads such
/// files, and must import exactly as the export does. Entry names that climb out of the package stay refused
/// whichever separator they use.
@Suite struct OtherProducerTests {
    /// A scratch dataset, its export, and the export repackaged as `kind` (after the openpyxl edits of `scenario`).
    func repackaged(_ kind: String, named name: String, after scenario: String? = nil) throws -> (
        folder: String, dataset: String, workbook: String
    ) {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        var source = try WorkbookTools.export(dataset, into: folder + "/exports")
        if let scenario {
            let edited = folder + "/edited.xlsx"
            try WorkbookTools.edit(scenario, source, edited)
            source = edited
        }
        let workbook = folder + "/" + name
        try WorkbookTools.python(["repackage", kind, source, workbook])
        return (folder, dataset, workbook)
    }

    /// The sheet names and row counts `reader` (openpyxl or calamine) sees in a workbook.
    func sheets(_ workbook: String, readBy reader: String) throws -> [String: Int] {
        let run = try WorkbookTools.python(["sheets", reader, workbook])
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return json?["rows"] as? [String: Int] ?? [:]
    }

    static let changedCapital = ["~ countries KAZ Countries!A2", "  capital: 'Nur-Sultan' → 'Astana' at Countries!E2"]

    // MARK: Macro-enabled workbooks and templates

    @Test func aMacroEnabledWorkbookImportsWithANoteThatItsMacrosWereNotRun() throws {
        let (_, dataset, workbook) = try repackaged("xlsm", named: "book.xlsm")
        #expect(try sheets(workbook, readBy: "calamine")["Countries"] == 15)

        let result = try WorkbookTools.importJSON(workbook, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.changes == [])
        #expect(result.report.codes == ["xlsx.macros"])
        #expect(
            result.report.messages == [
                "the workbook holds macros (xl/vbaProject.bin); they were neither read nor run: only the cells' values are imported"
            ])

        let run = try RegionKitBinary.run(["import", workbook, "--dataset", dataset])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                import \(workbook) (xlsx, two-way) into \(dataset)
                \(workbook): note: the workbook holds macros (xl/vbaProject.bin); they were neither read nor run: only the cells' values are imported [xlsx.macros]
                no changes: the file matches the dataset

                """)
    }

    @Test func anEditedMacroEnabledWorkbookShowsExactlyItsEditInTheDryRun() throws {
        let (_, dataset, workbook) = try repackaged("xlsm", named: "edited.xlsm", after: "change-value")
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let run = try RegionKitBinary.run(["import", workbook, "--dataset", dataset])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                import \(workbook) (xlsx, two-way) into \(dataset)
                \(workbook): note: the workbook holds macros (xl/vbaProject.bin); they were neither read nor run: only the cells' values are imported [xlsx.macros]
                ~ countries KAZ (\(workbook):Countries!A2)
                    capital: 'Nur-Sultan' → 'Astana' (\(workbook):Countries!E2)
                0 added, 0 removed, 1 changed: dry run, nothing written (pass --apply to write)

                """)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)

        let result = try WorkbookTools.importJSON(workbook, dataset: dataset)
        #expect(result.report.changes == Self.changedCapital)
    }

    @Test(arguments: ["xltx", "xltm"]) func aTemplateImports(_ fileExtension: String) throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let exported = try WorkbookTools.export(dataset, into: folder + "/exports")
        let template = folder + "/book." + fileExtension
        try FileManager.default.copyItem(atPath: exported, toPath: template)
        let result = try WorkbookTools.importJSON(template, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.changes == [])
        #expect(result.report.codes == [])
    }

    // MARK: Entry names with backslashes

    @Test func entryNamesWithBackslashesAreReadAsFolders() throws {
        let (_, dataset, workbook) = try repackaged("backslash", named: "windows.xlsx")
        #expect(try sheets(workbook, readBy: "calamine")["Countries"] == 15)

        let result = try WorkbookTools.importJSON(workbook, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.changes == [])
        #expect(result.report.codes == [])
    }

    @Test func anEditedWorkbookWithBackslashesShowsExactlyItsEdit() throws {
        let (_, dataset, workbook) = try repackaged("backslash", named: "windows.xlsx", after: "change-value")
        #expect(try sheets(workbook, readBy: "calamine")["Countries"] == 15)
        let result = try WorkbookTools.importJSON(workbook, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.changes == Self.changedCapital)
        #expect(result.report.codes == [])
    }

    // MARK: The workbook part found through the relationships

    @Test func aWorkbookPartOutsideXLIsFoundThroughThePackageRelationships() throws {
        let (_, dataset, workbook) = try repackaged("moved-workbook", named: "moved.xlsx")
        #expect(try sheets(workbook, readBy: "openpyxl")["Countries"] == 15)

        let index = try WorkbookIndex.read(try WorkbookPackage(path: workbook))
        #expect(index.workbookPart == "book/main.xml")
        #expect(index.sheet(named: "Countries")?.part == "xl/worksheets/sheet3.xml")
        #expect(index.stylesPart == "xl/styles.xml")
        #expect(index.macroPart == nil)

        let result = try WorkbookTools.importJSON(workbook, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.changes == [])
        #expect(result.report.codes == [])
    }

    @Test func anEditedWorkbookWithItsPartMovedShowsExactlyItsEdit() throws {
        // openpyxl writes absolute targets (/xl/comments/comment2.xml); the move makes the worksheets' relative.
        let (_, dataset, workbook) = try repackaged("moved-workbook", named: "moved.xlsx", after: "change-value")
        let package = try WorkbookPackage(path: workbook)
        let index = try WorkbookIndex.read(package)
        #expect(index.workbookPart == "book/main.xml")
        let countries = try #require(index.sheet(named: "Countries"))
        let comments = try SheetComments.read(forSheetPart: countries.part, in: package)
        #expect(comments[try #require(CellAddress("A1"))] == "id")

        let result = try WorkbookTools.importJSON(workbook, dataset: dataset)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.report.changes == Self.changedCapital)
        #expect(result.report.codes == [])
    }

    // MARK: Hostile entry names

    @Test(arguments: [
        (
            "parent-entry",
            "the package has an entry whose name climbs out of the package with '..' ('..\\evil.xml'); a workbook never has one, so the file is refused"
        ),
        ("rooted-entry", "the package has an entry with an absolute name ('\\abs.xml'); a workbook never has one, so the file is refused"),
        (
            "drive-entry",
            "the package has an entry with an absolute name ('C:\\evil.xml'); a workbook never has one, so the file is refused"
        ),
        (
            "both-separators",
            "the package has entries named 'xl/workbook.xml' and 'xl\\workbook.xml', one part for a reader; a reader could take either, so the file is refused"
        ),
    ])
    func anEntryNameThatEscapesOrDoublesAPartIsRefused(_ kind: String, _ message: String) throws {
        let (folder, dataset, workbook) = try repackaged(kind, named: "hostile.xlsx")
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let run = try RegionKitBinary.run(["import", "hostile.xlsx", "--dataset", dataset, "--apply"], in: folder)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "")
        #expect(run.stderr == "error: hostile.xlsx: \(message)\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
        #expect(Repository.files(under: folder + "/central-asia").allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix(".lock") })
        #expect(!FileManager.default.fileExists(atPath: folder + "/evil.xml"))
        #expect(FileManager.default.fileExists(atPath: workbook))
    }

    @Test func backslashesCountAsSeparatorsWhenANameIsChecked() {
        for name in ["..\\evil.xml", "xl\\..\\..\\evil.xml", "\\abs.xml", "\\\\server\\share\\x.xml", "C:\\evil.xml", "c:evil.xml"] {
            #expect(ZIPEntry.problem(with: name) != nil, "\(name)")
        }
        #expect(ZIPEntry.problem(with: "xl\\worksheets\\sheet1.xml") == nil)
        #expect(ZIPEntry.partName("xl\\worksheets\\sheet1.xml") == "xl/worksheets/sheet1.xml")
        #expect(ZIPEntry.partName("xl/workbook.xml") == "xl/workbook.xml")
    }
}
