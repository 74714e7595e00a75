import Foundation
import TestSupport
import Testing

/// Edits made with openpyxl as a person would make them, then `regionkit import`: each gives exactly the expected
/// change set and findings, located by cell.
@Suite struct EditScenarioTests {
    /// Exports a scratch dataset, applies a scenario's edits and imports the result.
    func run(_ scenario: String, _ extra: [String] = []) throws -> (status: Int32, report: ImportSummary, dataset: String, folder: String) {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let exported = try WorkbookTools.export(dataset, into: folder + "/exports")
        let edited = folder + "/\(scenario).xlsx"
        try WorkbookTools.edit(scenario, exported, edited)
        let result = try WorkbookTools.importJSON(edited, dataset: dataset, extra)
        return (result.status, result.report, dataset, folder)
    }

    @Test func changingAValueIsOneChangedCell() throws {
        let result = try run("change-value")
        #expect(result.status == 0)
        #expect(
            result.report.changes == [
                "~ countries KAZ Countries!A2",
                "  capital: 'Nur-Sultan' → 'Astana' at Countries!E2",
            ])
        #expect(result.report.codes == [])
    }

    @Test func anAddedRowIsAnAddition() throws {
        let result = try run("add-row")
        #expect(result.status == 0)
        #expect(result.report.changes == ["+ memberships uzb-csto-rejoined Memberships!A23"])
        #expect(result.report.codes == [])
    }

    @Test func aDeletedRowIsARemovalThatNeedsPermission() throws {
        let result = try run("delete-row")
        #expect(result.status == 0)
        #expect(result.report.changes == ["- bases rus-201st-base-tjk"])
        #expect(result.report.codes == ["import.deletions"])

        let before = try String(contentsOfFile: result.dataset, encoding: .utf8)
        let refused = try WorkbookTools.importJSON(result.folder + "/delete-row.xlsx", dataset: result.dataset, ["--apply"])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: result.dataset, encoding: .utf8) == before)
        let applied = try WorkbookTools.importJSON(
            result.folder + "/delete-row.xlsx", dataset: result.dataset, ["--apply", "--allow-deletions"])
        #expect(applied.status == 0)
        #expect(try String(contentsOfFile: result.dataset, encoding: .utf8) != before)
        #expect(!(try String(contentsOfFile: result.dataset, encoding: .utf8)).contains("rus-201st-base-tjk"))
    }

    @Test func aTypoInAClosedListIsAnErrorAtItsCellWithASuggestion() throws {
        let result = try run("enum-typo")
        #expect(result.status == 1)
        #expect(result.report.findings == ["error schema.enum Memberships!D2"])
        #expect(
            result.report.messages == [
                "status: 'memeber' is not one of member, prospective, suspended, withdrawn, participant, party, observer"
            ])
        #expect(result.report.hints == ["did you mean 'member'?"])
    }

    @Test func aDateTypedAsProseIsAnErrorAtItsCell() throws {
        let result = try run("date-typed-as-text")
        #expect(result.status == 1)
        #expect(result.report.findings == ["error schema.date Sources!F2"])
        #expect(result.report.messages == ["published: '3 October 2019' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"])
    }

    @Test func anISODateTypedAsTextEqualsTheDateCell() throws {
        let result = try run("iso-date-as-text")
        #expect(result.status == 0)
        #expect(result.report.changes == [])
        #expect(result.report.codes == [])
    }

    @Test func anIDTypedAsANumberIsReadAsTextWithAWarningAndIsAChangeOfTheSameRow() throws {
        let result = try run("id-typed-as-number")
        #expect(result.status == 0)
        #expect(result.report.findings == ["warning xlsx.number-as-text Memberships!A2"])
        #expect(
            result.report.changes == [
                "~ memberships 12345 Memberships!A2",
                "  id: 'rus-csto-member' → '12345' at Memberships!A2",
            ])
    }

    @Test func movedColumnsEditedTitlesAndReorderedSheetsStillImportWithNoChanges() throws {
        let result = try run("moved-and-renamed")
        #expect(result.status == 0)
        #expect(result.report.changes == [])
        #expect(result.report.codes == [])
    }

    @Test func excelHabitsAreNormalisedWithAWarningEach() throws {
        let result = try run("excel-habits")
        #expect(result.status == 0)
        #expect(result.report.changes == [])
        #expect(
            result.report.findings == [
                "warning cell.smart-quotes Cooperation!E2",
                "warning cell.whitespace Countries!C2",
                "warning xlsx.text-as-number Countries!G2",
            ])
    }

    @Test func richTextRunsAreJoined() throws {
        let result = try run("rich-text")
        #expect(result.status == 0)
        #expect(result.report.changes == [])
        #expect(result.report.codes == [])
    }

    @Test func anUnknownColumnIsReportedNotDroppedSilently() throws {
        let result = try run("unknown-column")
        #expect(result.status == 0)
        #expect(result.report.findings == ["warning table.unknown-column Memberships!J1"])
        #expect(result.report.changes == [])
    }

    @Test func aFormulaWithoutAComputedValueIsAnError() throws {
        let result = try run("formula")
        #expect(result.status == 1)
        #expect(result.report.findings == ["error xlsx.formula Countries!C2"])
    }

    @Test func twoPeopleEditingTheSameCellOfAStaleExportIsAConflict() throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let exported = try WorkbookTools.export(dataset, into: folder + "/exports")
        // Someone else changes the canonical dataset after the export...
        let text = try String(contentsOfFile: dataset, encoding: .utf8)
        try text.replacingOccurrences(of: "capital: Nur-Sultan\n", with: "capital: Astana\n")
            .write(toFile: dataset, atomically: true, encoding: .utf8)
        // ...while the analyst changes the same cell and another one in the workbook.
        let edited = folder + "/stale.xlsx"
        try WorkbookTools.edit("stale-same-cell", exported, edited)

        let before = try String(contentsOfFile: dataset, encoding: .utf8)
        let result = try WorkbookTools.importJSON(edited, dataset: dataset, ["--apply"])
        #expect(result.status == 1)
        #expect(result.report.mode == "three-way")
        #expect(
            result.report.changes == [
                "~ countries KGZ Countries!A3",
                "  capital: 'Bishkek' → 'Frunze' at Countries!E3",
            ])
        #expect(
            result.report.conflicts == [
                "! countries KAZ capital at Countries!E2: base 'Nur-Sultan', dataset 'Astana', file 'Nursultan'"
            ])
        #expect(try String(contentsOfFile: dataset, encoding: .utf8) == before)
    }

    @Test func aStaleExportWithEditsToOtherCellsMergesAndApplies() throws {
        let (folder, dataset) = try WorkbookTools.scratchDataset()
        let exported = try WorkbookTools.export(dataset, into: folder + "/exports")
        let text = try String(contentsOfFile: dataset, encoding: .utf8)
        try text.replacingOccurrences(of: "capital: Bishkek\n", with: "capital: Frunze\n")
            .write(toFile: dataset, atomically: true, encoding: .utf8)
        let edited = folder + "/stale.xlsx"
        try WorkbookTools.edit("change-value", exported, edited)

        let result = try WorkbookTools.importJSON(edited, dataset: dataset, ["--apply"])
        #expect(result.status == 0)
        #expect(result.report.mode == "three-way")
        #expect(result.report.conflicts == [])
        let merged = try String(contentsOfFile: dataset, encoding: .utf8)
        #expect(merged.contains("capital: Astana\n") && merged.contains("capital: Frunze\n"))
    }
}
