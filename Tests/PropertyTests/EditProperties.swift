import Foundation
import PropertySupport
import RegionKitFormats
import TestSupport
import Testing

/// One cell edited in an export to a new valid value imports as exactly that change: the field of that row, from
/// its old value to the new one, and nothing else.
@Suite struct EditProperties {
    static let script = Repository.path("Tests/PropertyTests/Scripts/edit_cells.py")

    /// Runs the editing script once on a batch of jobs.
    static func editCells(_ kind: String, _ jobs: [[String: String]]) throws {
        let folder = try Scratch.folder()
        defer { Scratch.remove(folder) }
        let path = folder + "/jobs.json"
        try JSONSerialization.data(withJSONObject: jobs).write(to: URL(fileURLWithPath: path))
        let run = try ProgramRun.tool("python3", [script, kind, path])
        guard run.status == 0 else {
            throw PropertyFailure("edit_cells.py \(kind) exited with \(run.status):\n\(run.stdout)\n\(run.stderr)")
        }
    }

    /// Why an import of an edited file is not exactly `edit`; nil when it is.
    static func unexpected(_ outcome: ImportJob.Outcome, _ edit: CellEdit) -> String? {
        let errors = outcome.findings.filter { $0.severity == .error }
        let changes = outcome.changes.changes
        if errors.isEmpty, outcome.changes.conflicts.isEmpty, changes.count == 1, let change = changes.first,
            change.kind == .changed, change.table == edit.table, change.fields.count == 1, let field = change.fields.first,
            field.field == edit.field, field.old == edit.old, field.new == edit.new
        {
            return nil
        }
        return "edited \(edit.description); the import gave:\n" + CaseFolder.describe(outcome)
    }

    /// The edit of a case, the same for the same dataset and seed.
    static func edit(_ generated: GeneratedDataset, excluding: Set<String> = []) throws -> CellEdit {
        guard let edit = try DatasetCaseGenerator().edit(generated, seed: generated.seed, excluding: excluding) else {
            throw PropertyFailure("no valid edit of one cell was found for this dataset")
        }
        return edit
    }

    /// CSV: a CSV file rewritten by Python's csv module, one cell changed, in each dialect. Rows are matched by
    /// their `id` in a package, so an edited id is a removal and an addition; ids are not edited here.
    @Test(arguments: CSVDialect.allCases)
    func csvOneCellEditedImportsAsThatChange(_ dialect: CSVDialect) throws {
        try checkProperty(
            "CSV \(dialect): one cell edited imports as exactly that change",
            filter: "EditProperties/csvOneCellEditedImportsAsThatChange", cases: 30, batchSize: 10, shrinkBatchSize: 4, shrinkBudget: 150
        ) { batch in
            var prepared: [(CaseFolder, CellEdit, String)] = []
            var jobs: [[String: String]] = []
            for generated in batch {
                let edit = try Self.edit(generated, excluding: ["id"])
                let scratch = try CaseFolder(generated, edited: edit.edited)
                let output = try scratch.export(CSVFormat(), options: [CSVFormat.dialectOption: dialect.name])
                let spec = DatasetSchema.table(edit.table)
                jobs.append([
                    "path": output + "/" + DataPackageDescriptor.fileName(of: edit.table),
                    "delimiter": String(UnicodeScalar(dialect.delimiter)), "line_end": dialect.lineTerminator,
                    "id": edit.id, "column": edit.field,
                    "cell": CSVCell.text(edit.new, field: spec.field(edit.field), dialect: dialect),
                ])
                prepared.append((scratch, edit, output))
            }
            try Self.editCells("csv", jobs)
            return prepared.map { scratch, edit, output in
                do {
                    let failure = Self.unexpected(try scratch.importing(output), edit)
                    if failure == nil { scratch.remove() }
                    return failure
                } catch {
                    return "edited \(edit.description); the import failed: \(error)"
                }
            }
        }
    }

    /// The workbook: one cell set with openpyxl, as typed in a spreadsheet (a text as text, a number as a number, a
    /// date known to the day as a date cell).
    @Test func workbookOneCellEditedImportsAsThatChange() throws {
        try checkProperty(
            "workbook: one cell edited with openpyxl imports as exactly that change",
            filter: "EditProperties/workbookOneCellEditedImportsAsThatChange", cases: 30, batchSize: 15, shrinkBatchSize: 4,
            shrinkBudget: 150, shrinkSeconds: 20
        ) { batch in
            var prepared: [(CaseFolder, CellEdit, String)] = []
            var jobs: [[String: String]] = []
            for generated in batch {
                let edit = try Self.edit(generated)
                let scratch = try CaseFolder(generated, edited: edit.edited)
                let workbook = try scratch.export(XLSXFormat()) + "/export.xlsx"
                let edited = scratch.folder + "/edited.xlsx"
                let (kind, value) = WorkbookCell.typed(edit.new)
                jobs.append([
                    "input": workbook, "output": edited, "sheet": DatasetSchema.table(edit.table).title, "id": edit.id,
                    "key": edit.field, "kind": kind, "value": value,
                ])
                prepared.append((scratch, edit, edited))
            }
            try Self.editCells("xlsx", jobs)
            return prepared.map { scratch, edit, edited in
                do {
                    let failure = Self.unexpected(try scratch.importing(edited), edit)
                    if failure == nil { scratch.remove() }
                    return failure
                } catch {
                    return "edited \(edit.description); the import failed: \(error)"
                }
            }
        }
    }
}

/// A value as a CSV cell of a dialect, as the README's *Cells* table says: lists joined by `; ` with `\;` and `\\`
/// inside items, numbers with the dialect's decimal mark, and in the `excel` dialects a `'` before a text that
/// starts with `=`, `+`, `-`, `@`, a tab, a carriage return or `'`.
enum CSVCell {
    static func text(_ value: Value?, field: FieldSpec?, dialect: CSVDialect) -> String {
        guard let value else { return "" }
        switch value {
        case .text(let text):
            return guarded(text, dialect)
        case .number(let number):
            let text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
            return dialect == .excelSemicolon ? text.replacing(".", with: ",") : text
        case .date(let date):
            return date.description
        case .list(let items):
            let escaped = items.map { $0.replacing("\\", with: "\\\\").replacing(";", with: "\\;") }
            return guarded(escaped.joined(separator: "; "), dialect)
        }
    }

    static func guarded(_ text: String, _ dialect: CSVDialect) -> String {
        guard dialect != .rfc4180, let first = text.unicodeScalars.first, "=+-@\t\r'".unicodeScalars.contains(first) else {
            return text
        }
        return "'" + text
    }
}

/// A value as a person types it into a workbook cell: (kind, text) for `edit_cells.py`.
enum WorkbookCell {
    static func typed(_ value: Value?) -> (String, String) {
        guard let value else { return ("empty", "") }
        switch value {
        case .text(let text):
            return ("text", text)
        case .number(let number):
            return ("number", "\(number)")
        case .date(let date):
            // A date cell holds a day from 1900-03-01 on (before it, Excel's serials count the phantom 1900-02-29);
            // other dates are typed as text, as the export writes them.
            return date.precision == .day && date.earliest >= (1900, 3, 1) ? ("date", date.description) : ("text", date.description)
        case .list(let items):
            return ("text", items.map { $0.replacing("\\", with: "\\\\").replacing(";", with: "\\;") }.joined(separator: "; "))
        }
    }
}
