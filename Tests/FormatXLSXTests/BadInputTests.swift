import Foundation
import TestSupport
import Testing

/// Files that are not usable workbooks: one clear message naming the file (and the sheet and cell where there is
/// one), exit status 2, and nothing written.
@Suite struct BadInputTests {
    /// Imports `workbook` with `--apply` into a scratch dataset and checks that the dataset is left as it was.
    func refused(_ make: (String, String) throws -> String) throws -> ProgramRun {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let exported = try WorkbookTools.export(dataset, into: folder + "/exports")
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let workbook = try make(exported, folder)
        let run = try RegionKitBinary.run(["import", workbook, "--dataset", dataset, "--apply"], in: folder)
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout == "")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
        #expect(Repository.files(under: folder + "/central-asia").allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix(".lock") })
        return run
    }

    @Test func aCSVRenamedXLSX() throws {
        let run = try refused { _, folder in
            try "id,name\nKAZ,Kazakhstan\n".write(toFile: folder + "/table.xlsx", atomically: true, encoding: .utf8)
            return "table.xlsx"
        }
        #expect(run.stderr.hasPrefix("error: table.xlsx: is not an XLSX workbook: it is not a ZIP package"))
    }

    @Test func aTruncatedWorkbook() throws {
        let run = try refused { exported, folder in
            try WorkbookTools.python(["damage", "truncated", exported, folder + "/cut.xlsx"])
            return "cut.xlsx"
        }
        #expect(
            run.stderr == "error: cut.xlsx: is not a complete ZIP package (truncated or damaged); save it again from Excel or LibreOffice\n"
        )
    }

    @Test func aMissingSheet() throws {
        let run = try refused { exported, folder in
            try WorkbookTools.edit("missing-sheet", exported, folder + "/no-trade.xlsx")
            return "no-trade.xlsx"
        }
        #expect(run.stderr == "error: no-trade.xlsx: cannot be imported: the sheet 'Trade' (table trade) is missing\n")
    }

    @Test func aMissingKeyColumn() throws {
        let run = try refused { exported, folder in
            try WorkbookTools.edit("missing-key-column", exported, folder + "/no-ids.xlsx")
            return "no-ids.xlsx"
        }
        #expect(
            run.stderr
                == "error: no-ids.xlsx: cannot be imported: Memberships!A1: the sheet has no column for the key field 'id' (ID) in its header row\n"
        )
    }

    @Test func aCellReferenceOutOfRange() throws {
        let run = try refused { exported, folder in
            try WorkbookTools.python(["damage", "cell-out-of-range", exported, folder + "/range.xlsx"])
            return "range.xlsx"
        }
        #expect(
            run.stderr
                == "range.xlsx:Memberships!XFE3: error: the cell reference 'XFE3' is out of range (A1 to XFD1048576) or outside its row 3\n"
        )
    }

    @Test func aPartWithADoctypeIsRefusedBeforeAnyEntityIsExpanded() throws {
        let run = try refused { exported, folder in
            try WorkbookTools.python(["damage", "doctype", exported, folder + "/doctype.xlsx"])
            return "doctype.xlsx"
        }
        #expect(run.stderr.hasPrefix("doctype.xlsx:xl/worksheets/sheet5.xml:"))
        #expect(run.stderr.contains("error: the part declares a DOCTYPE"))
    }

    @Test func aWorkbookThatIsNotARegionKitOne() throws {
        let run = try refused { _, folder in
            try WorkbookTools.python(["edit", "blank", "-", folder + "/blank.xlsx"])
            return "blank.xlsx"
        }
        #expect(run.stderr.hasPrefix("error: blank.xlsx: is not a RegionKit workbook: it has none of the sheets Sources, Countries"))
    }

    @Test func invalidDataExitsOneAndWritesNothing() throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let exported = try WorkbookTools.export(dataset, into: folder + "/exports")
        try WorkbookTools.edit("enum-typo", exported, folder + "/typo.xlsx")
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))
        let run = try RegionKitBinary.run(["import", "typo.xlsx", "--dataset", dataset, "--apply"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "typo.xlsx:Memberships!D2: error: status: 'memeber' is not one of member, prospective, suspended, withdrawn, participant, party, observer [schema.enum]\n  hint: did you mean 'member'?\n"
            ))
        #expect(run.stdout.hasSuffix("not applied (1 error); nothing was written\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }
}
