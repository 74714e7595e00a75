import Foundation
import TestSupport
import Testing

/// Round trips that used to change data: each case is an import that must change nothing, or refuse and write nothing.
@Suite struct RoundTripIntegrityTests {
    /// A scratch copy of the canonical dataset; returns its folder and the dataset's path inside it.
    func scratchDataset() throws -> (folder: String, dataset: String) {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        return (folder, folder + "/central-asia/dataset.yaml")
    }

    func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old), "\(path) has no '\(old)'")
        try Data(text.replacing(old, with: new).utf8).write(to: URL(fileURLWithPath: path))
    }

    /// A CSV package whose `indicators.csv` lost its `note` column is refused, naming the file and the column, and
    /// `--apply` writes nothing: reading it would have emptied every indicator's note.
    @Test func aDeletedCSVColumnIsAnErrorAndApplyWritesNothing() throws {
        let (folder, dataset) = try scratchDataset()
        let export = try RegionKitBinary.run(
            ["export", "--format", "csv", "--output", folder + "/out", "--dataset", dataset, "--quiet"])
        try #require(export.status == 0, "\(export.stderr)")
        let indicators = folder + "/out/csv/indicators.csv"
        let script = """
            import csv, sys
            path = sys.argv[1]
            with open(path, newline="", encoding="utf-8") as f:
                rows = list(csv.reader(f))
            column = rows[0].index("note")
            with open(path, "w", newline="", encoding="utf-8") as f:
                csv.writer(f, lineterminator="\\n").writerows([r[:column] + r[column + 1:] for r in rows])
            """
        let python = try ProgramRun.tool("python3", ["-c", script, indicators])
        try #require(python.status == 0, "\(python.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset))

        let run = try RegionKitBinary.run(["import", folder + "/out/csv", "--dataset", dataset, "--apply"])
        #expect(run.status == 1)
        #expect(
            run.stdout.contains(
                "\(indicators):1:1: error: indicators: indicators.csv has no column for the field 'note' (Note); reading it would empty that field in every row [table.missing-column]\n  hint: put the column back with the header 'note'; to empty the field, keep its column and clear its cells"
            ), "\(run.stdout)")
        #expect(!run.stdout.contains("note: '"), "no change set empties the notes")
        #expect(try Data(contentsOf: URL(fileURLWithPath: dataset)) == before)
    }

    /// List items holding `;` or `\` come back from the workbook as the items they were, directly and after
    /// LibreOffice re-saves it.
    @Test func listItemsWithSemicolonsRoundTripThroughTheWorkbook() throws {
        let (folder, dataset) = try scratchDataset()
        try replace(
            "  goods:\n  - metals and their derivatives\n",
            with: "  goods:\n  - 'metals; and their derivatives'\n  - 'x\\;y'\n  - 'back\\slash'\n", in: dataset)
        let validate = try RegionKitBinary.run(["validate", dataset])
        try #require(validate.status == 0, "\(validate.stdout)")
        let workbook = try XLSXRoundTrip.export(dataset, into: folder + "/out")
        for file in [workbook, try LibreOffice.convert(workbook)] {
            let run = try RegionKitBinary.run(["import", file, "--dataset", dataset])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.hasSuffix("no changes: the file matches the dataset\n"), "\(file): \(run.stdout)")
        }
        // The cell shows the items as a person types them.
        let cell = try ProgramRun.tool(
            "python3",
            [
                "-c",
                "import openpyxl,sys; s=openpyxl.load_workbook(sys.argv[1])['Trade']; print([c.value for c in s['D']][1])",
                workbook,
            ])
        #expect(
            cell.stdout
                == "metals\\; and their derivatives; x\\\\\\;y; back\\\\slash; machinery, equipment and vehicles; food products; raw agricultural materials\n"
        )
        // The README sheet and the column's input message say how to type such an item.
        let guide = try ProgramRun.tool(
            "python3",
            [
                "-c",
                """
                import openpyxl, sys
                book = openpyxl.load_workbook(sys.argv[1])
                print([c.value for row in book['README'].iter_rows() for c in row if c.value and 'backslash' in str(c.value)][0])
                print([v.prompt for v in book['Trade'].data_validations.dataValidation if 'D' in str(v.sqref)][0])
                """,
                workbook,
            ])
        let lines = guide.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(guide.stdout)\(guide.stderr)")
        #expect(lines.first?.contains("'food products\\; chemicals' is one item") == true, "\(lines)")
        #expect(lines.last?.contains("type a ';' or '\\' inside an item as '\\;' or '\\\\'") == true, "\(lines)")
    }

    /// A carriage return has no place in the dataset: validation refuses it, and an import reads `\r\n` as `\n`.
    @Test func carriageReturnsAreRefusedInTheDatasetAndMadeLineFeedsOnImport() throws {
        let (folder, dataset) = try scratchDataset()
        let original = try String(contentsOfFile: dataset, encoding: .utf8)
        let edited = folder + "/central-asia/edited.yaml"
        try Data(original.utf8).write(to: URL(fileURLWithPath: edited))
        let note = "  note: Budget of the US C5+1 format, launched under the Obama administration and called very small"
        try replace(
            note, with: "  note: \"Budget of the US C5+1 format,\\r\\nlaunched under the Obama administration and called very small",
            in: edited)
        try replace("the article gives no date.\n", with: "the article gives no date.\"\n", in: edited)

        let validate = try RegionKitBinary.run(["validate", edited])
        #expect(validate.status == 1)
        #expect(
            validate.stdout.contains(
                "error: note: the text holds a carriage return (character 30); the dataset writes every line break as a line feed [schema.line-break]"
            ), "\(validate.stdout)")

        let run = try RegionKitBinary.run(["import", edited, "--dataset", dataset, "--apply"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("note: 'Budget of the US C5+1 format, launched"), "\(run.stdout)")
        let applied = try String(contentsOfFile: dataset, encoding: .utf8)
        #expect(!applied.utf8.contains(13))
        #expect(applied.contains("Budget of the US C5+1 format,\\nlaunched under") || applied.contains("format,\n"), "\(applied)")
        #expect(try RegionKitBinary.run(["validate", dataset]).status == 0)
    }
}

/// The workbook export of a scratch dataset, as the round trips need it.
enum XLSXRoundTrip {
    static func export(_ dataset: String, into folder: String) throws -> String {
        let run = try RegionKitBinary.run(["export", "--format", "xlsx", "--dataset", dataset, "--output", folder, "--quiet"])
        try #require(run.status == 0, "\(run.stderr)")
        let name = URL(fileURLWithPath: dataset).deletingLastPathComponent().lastPathComponent
        return folder + "/xlsx/\(name).xlsx"
    }
}
