/// Renders an import's outcome for people or as JSON.
public struct ImportReport: Sendable {
    public var outcome: ImportJob.Outcome
    public var dryRun: Bool

    public init(outcome: ImportJob.Outcome, dryRun: Bool) {
        self.outcome = outcome
        self.dryRun = dryRun
    }

    /// The report in a style; `github` prints the findings as annotations and the change set as text.
    public func rendered(_ style: FindingReport.Style) -> String {
        switch style {
        case .json: return json().serialized() + "\n"
        case .text, .github:
            var text = "import \(outcome.file) (\(outcome.format), \(outcome.mode.rawValue)) into \(outcome.datasetPath)\n"
            let findings = FindingReport(path: outcome.file, findings: outcome.findings).rendered(style)
            text += findings.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).map { $0 + "\n" }.joined()
            text += outcome.changes.rendered()
            return text + verdict + "\n"
        }
    }

    /// The last line: what changes, and whether it was written.
    public var verdict: String {
        let summary = outcome.changes.summary
        if outcome.applied { return "\(summary): applied to \(outcome.datasetPath)" }
        if !outcome.isClean {
            let errors = outcome.findings.count(of: .error)
            let problems =
                errors > 0 ? FindingReport.plural(errors, "error") : FindingReport.plural(outcome.changes.conflicts.count, "conflict")
            return "\(summary): not applied (\(problems)); nothing was written"
        }
        if outcome.changes.changes.isEmpty { return "\(summary): the file matches the dataset" }
        return dryRun ? "\(summary): dry run, nothing written (pass --apply to write)" : "\(summary): nothing written"
    }

    func json() -> JSONValue {
        .object([
            ("file", .string(outcome.file)),
            ("dataset", .string(outcome.datasetPath)),
            ("format", .string(outcome.format)),
            ("mode", .string(outcome.mode.rawValue)),
            ("valid", .bool(!outcome.findings.hasErrors)),
            ("applied", .bool(outcome.applied)),
            ("summary", .string(outcome.changes.summary)),
            ("findings", .array(outcome.findings.map(FindingReport.json))),
            ("changes", outcome.changes.json()["changes"] ?? .array([])),
            ("conflicts", outcome.changes.json()["conflicts"] ?? .array([])),
        ])
    }
}
