import Foundation
import TestSupport

/// The real tools the XLSX tests check workbooks with: openpyxl and python-calamine (through a script of the test
/// target), LibreOffice, and the `regionkit` binary, each on a scratch copy of the dataset.
enum WorkbookTools {
    static let script = Repository.path("Tests/FormatXLSXTests/Scripts/workbook_tool.py")

    /// Runs the workbook script; fails with its message when it fails (openpyxl missing, an unknown scenario).
    @discardableResult
    static func python(_ arguments: [String]) throws -> ProgramRun {
        let run = try ProgramRun.tool("python3", [script] + arguments)
        guard run.status == 0 else { throw ToolFailure(tool: "workbook_tool.py \(arguments.joined(separator: " "))", run: run) }
        return run
    }

    /// What openpyxl and calamine see in a workbook.
    static func inspect(_ path: String) throws -> [String: Any] {
        let run = try python(["inspect", path])
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// Makes the edits of a scenario with openpyxl and saves the result as `output`.
    static func edit(_ scenario: String, _ input: String, _ output: String) throws {
        try python(["edit", scenario, input, output])
    }

    /// Re-saves a workbook through LibreOffice headless; returns the path of the converted file.
    static func libreOffice(_ input: String, to format: String = "xlsx") throws -> String {
        try LibreOffice.convert(input, to: format)
    }

    /// A scratch folder with a copy of the canonical dataset and its source text.
    static func scratchDataset() throws -> (folder: String, dataset: String) {
        let folder = try Repository.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder + "/central-asia")
        return (folder, folder + "/central-asia/dataset.yaml")
    }

    /// Exports the dataset at `dataset` as a workbook into `folder`; returns the workbook's path.
    static func export(_ dataset: String, into folder: String) throws -> String {
        let run = try RegionKitBinary.run(["export", "--format", "xlsx", "--dataset", dataset, "--output", folder, "--quiet"])
        guard run.status == 0 else { throw ToolFailure(tool: "regionkit export", run: run) }
        let name = URL(fileURLWithPath: dataset).deletingLastPathComponent().lastPathComponent
        return folder + "/xlsx/\(name).xlsx"
    }

    /// `regionkit import --format json` of a workbook against a dataset. Throws, with what the import printed, when
    /// its report is not a JSON object with `changes`, `conflicts` and `findings` lists.
    static func importJSON(_ workbook: String, dataset: String, _ extra: [String] = []) throws -> (
        status: Int32, report: ImportSummary, stderr: String
    ) {
        let run = try RegionKitBinary.run(["import", workbook, "--dataset", dataset, "--format", "json"] + extra)
        return (run.status, try ImportSummary(report: run, file: workbook), run.stderr)
    }
}

/// An import's JSON report reduced to lines that are easy to compare exactly.
struct ImportSummary {
    /// `~ countries KAZ Countries!A2`, then `  capital: 'Nur-Sultan' → 'Astana' at Countries!E2` per field.
    var changes: [String] = []
    /// `! countries KAZ capital at Countries!E2: base 'Nur-Sultan', dataset 'Astana', file 'Nursultan'`.
    var conflicts: [String] = []
    /// `warning cell.whitespace Countries!C2`, for findings about the file's cells.
    var findings: [String] = []
    /// Every finding's code.
    var codes: [String] = []
    var mode = ""
    var messages: [String] = []
    var hints: [String] = []

    /// The summary of the JSON report `run` printed; throws `ReportFailure` when there is none to read.
    init(report run: ProgramRun, file: String) throws {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        } catch {
            throw ReportFailure(problem: "is not JSON (\(error.localizedDescription))", run: run)
        }
        guard let json = parsed as? [String: Any] else { throw ReportFailure(problem: "is not a JSON object", run: run) }
        for key in ["changes", "conflicts", "findings"] where !(json[key] is [Any]) {
            throw ReportFailure(problem: "has no '\(key)' list", run: run)
        }
        self.init(json, file: file)
    }

    init(_ json: [String: Any], file: String) {
        func place(_ value: Any?) -> String {
            guard let text = value as? String else { return "-" }
            return text.hasPrefix(file + ":") ? String(text.dropFirst(file.count + 1)) : text
        }
        func show(_ value: Any?) -> String {
            switch value {
            case let text as String: return "'\(text)'"
            case let number as NSNumber: return number.stringValue
            case let items as [Any]: return "[" + items.map(show).joined(separator: ", ") + "]"
            default: return "(empty)"
            }
        }
        mode = json["mode"] as? String ?? ""
        let marks = ["added": "+", "removed": "-", "changed": "~"]
        for change in json["changes"] as? [[String: Any]] ?? [] {
            let kind = change["change"] as? String ?? ""
            let location = kind == "removed" ? "" : " " + place(change["location"])
            changes.append("\(marks[kind] ?? "?") \(change["table"] as? String ?? "") \(change["id"] as? String ?? "")\(location)")
            for field in change["fields"] as? [[String: Any]] ?? [] {
                changes.append(
                    "  \(field["field"] as? String ?? ""): \(show(field["old"])) → \(show(field["new"])) at \(place(field["location"]))")
            }
        }
        for conflict in json["conflicts"] as? [[String: Any]] ?? [] {
            conflicts.append(
                "! \(conflict["table"] as? String ?? "") \(conflict["id"] as? String ?? "") \(conflict["field"] as? String ?? "(row)") at \(place(conflict["location"])): base \(show(conflict["base"])), dataset \(show(conflict["dataset"])), file \(show(conflict["file"]))"
            )
        }
        for finding in json["findings"] as? [[String: Any]] ?? [] {
            let code = finding["code"] as? String ?? ""
            codes.append(code)
            messages.append(finding["message"] as? String ?? "")
            if let hint = finding["hint"] as? String { hints.append(hint) }
            if let cell = finding["cell"] as? String {
                findings.append("\(finding["severity"] as? String ?? "") \(code) \(cell)")
            }
        }
    }
}

/// A tool that ran but failed, with what it printed.
struct ToolFailure: Error, CustomStringConvertible {
    let description: String

    init(tool: String, run: ProgramRun) {
        description = "\(tool) exited with \(run.status):\n\(run.stdout)\n\(run.stderr)"
    }
}

/// An import whose JSON report cannot be read, with what it printed.
struct ReportFailure: Error, CustomStringConvertible {
    let description: String

    init(problem: String, run: ProgramRun) {
        description = "the import's report \(problem); it exited with \(run.status):\n\(run.stdout)\n\(run.stderr)"
    }
}
