import Foundation
import TestSupport
import Testing

/// Workbook imports that fail change no byte: `--apply --allow-deletions` of a damaged or invalid workbook leaves
/// every file of the dataset's folder as it was (no temporary file, no lock file), exits 1 or 2 and says where.
@Suite struct FailedWorkbookImportTests {
    /// Exports the scratch dataset, lets `make` spoil the workbook (given the export and the scratch folder; it
    /// returns the spoiled workbook's path), imports it with `--apply --allow-deletions` and checks that nothing in
    /// the dataset's folder changed.
    func failed(status: Int32, _ make: (String, String) throws -> String) throws -> ProgramRun {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let exported = try WorkbookTools.export(dataset, into: folder + "/exports")
        let workbook = try make(exported, folder)
        let before = Repository.contents(under: folder + "/central-asia")
        let run = try RegionKitBinary.run(["import", workbook, "--dataset", dataset, "--apply", "--allow-deletions"], in: folder)
        #expect(run.status == status, "\(run.stdout)\(run.stderr)")
        let after = Repository.contents(under: folder + "/central-asia")
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after == before)
        if status == 1 {
            #expect(run.stdout.contains(": not applied ("), "\(run.stdout)")
            #expect(run.stdout.hasSuffix("nothing was written\n"))
        }
        return run
    }

    @Test func aRemovedSheet() throws {
        let run = try failed(status: 2) { exported, folder in
            try WorkbookTools.edit("missing-sheet", exported, folder + "/no-trade.xlsx")
            return "no-trade.xlsx"
        }
        #expect(run.stderr == "error: no-trade.xlsx: cannot be imported: the sheet 'Trade' (table trade) is missing\n")
    }

    @Test func aRemovedColumn() throws {
        let run = try failed(status: 1) { exported, folder in
            try WorkbookTools.edit("missing-column", exported, folder + "/no-capital.xlsx")
            return "no-capital.xlsx"
        }
        #expect(
            run.stdout.contains(
                "no-capital.xlsx:Countries!A1: error: countries: the Countries sheet has no column for the field 'capital' (Capital); reading it would empty that field in every row [table.missing-column]"
            ))
    }

    /// Row 1 of a sheet holds a row of data instead of the titles, whose comments still name the columns.
    @Test func aHeaderRowOverwrittenByData() throws {
        let run = try failed(status: 1) { exported, folder in
            try WorkbookTools.edit("header-overwritten", exported, folder + "/pasted.xlsx")
            return "pasted.xlsx"
        }
        #expect(
            run.stdout.contains(
                """
                pasted.xlsx:Countries!A1: error: countries: the header row names none of the fields (it holds 'KAZ', 'KZ', 'Kazakhstan', …); it looks overwritten by a row of data, whose values would not be imported [table.header-overwritten]
                  hint: put the column headers back (export again to see them), and the row of data below them
                """), "\(run.stdout)")
    }

    @Test func aWorkbookCutAtHalfItsBytes() throws {
        let run = try failed(status: 2) { exported, folder in
            try WorkbookTools.python(["damage", "truncated", exported, folder + "/cut.xlsx"])
            return "cut.xlsx"
        }
        #expect(
            run.stderr == "error: cut.xlsx: is not a complete ZIP package (truncated or damaged); save it again from Excel or LibreOffice\n"
        )
    }

    /// A workbook with an error finding among good edits: nothing of it is applied.
    @Test func anErrorFindingAmongGoodEdits() throws {
        let run = try failed(status: 1) { exported, folder in
            try WorkbookTools.edit("change-value", exported, folder + "/good.xlsx")
            try WorkbookTools.edit("enum-typo", folder + "/good.xlsx", folder + "/typo.xlsx")
            return "typo.xlsx"
        }
        #expect(run.stdout.contains("typo.xlsx:Memberships!D2: error: status: 'memeber' is not one of"))
        #expect(run.stdout.contains("capital: 'Nur-Sultan' → 'Astana'"))
    }
}
