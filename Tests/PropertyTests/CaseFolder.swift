import Foundation
import PropertySupport
import RegionKitFormats
import TestSupport
import Testing

/// One generated case in a scratch folder: its canonical dataset file and source texts, exports of it, and imports
/// of files against it. The folder is removed when the case passes.
struct CaseFolder {
    let folder: String
    let dataset: String

    /// Writes the case; the source texts also hold the quotes of `edited`, so that an edited quote is found.
    init(_ generated: GeneratedDataset, edited: Dataset? = nil) throws {
        folder = try Scratch.folder()
        var generated = generated
        if let edited { generated.alsoQuoted = [edited] }
        dataset = try generated.write(to: folder)
    }

    /// Loads the canonical file as `regionkit export` does, and exports it in `format` into a new folder inside the
    /// case's; returns that folder.
    func export(_ format: any DatasetExporter, options: [String: String] = [:], name: String = "export") throws -> String {
        let loaded = try DatasetLoader().load(dataset)
        guard loaded.isValid else {
            throw PropertyFailure("the canonical file does not load valid:\n" + loaded.findings.map { "\($0)" }.joined(separator: "\n"))
        }
        let output = folder + "/\(format.descriptor.id)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let transaction = OutputTransaction()
        try format.export(
            ExportRequest(dataset: loaded.dataset, name: name, options: options, datasetPath: dataset),
            to: ExportOutput(folder: output, transaction: transaction))
        try transaction.commit()
        return output
    }

    /// `regionkit import FILE` against the case's dataset, as a dry run.
    func importing(_ file: String, options: [String: String] = [:]) throws -> ImportJob.Outcome {
        try ImportJob(registry: .builtIn, datasetPath: dataset, options: .init(formatOptions: options)).run(file)
    }

    func remove() {
        Scratch.remove(folder)
    }

    /// Why an import that should change nothing did: its changes, conflicts and error findings; nil when it is
    /// empty and clean.
    static func unexpected(_ outcome: ImportJob.Outcome) -> String? {
        let errors = outcome.findings.filter { $0.severity == .error }
        guard !outcome.changes.isEmpty || !errors.isEmpty else { return nil }
        return describe(outcome)
    }

    /// The change set and the error findings of an import, values shown with their line breaks visible.
    static func describe(_ outcome: ImportJob.Outcome) -> String {
        var lines: [String] = []
        for change in outcome.changes.changes {
            lines.append("\(change.kind) \(change.table) \(change.id)")
            for field in change.fields {
                lines.append(
                    "    \(field.field): \(field.old.map(PropertyText.show) ?? "(empty)") → \(field.new.map(PropertyText.show) ?? "(empty)")"
                )
            }
        }
        for conflict in outcome.changes.conflicts {
            lines.append("conflict \(conflict.table) \(conflict.id) \(conflict.field ?? ""): \(conflict.reason)")
        }
        for finding in outcome.findings where finding.severity == .error {
            lines.append("\(finding)")
        }
        return lines.joined(separator: "\n")
    }
}

/// Why a case failed, when the failure is not an import's outcome.
struct PropertyFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a property over the cases of the current settings and records every report as a test issue.
func checkProperty(
    _ name: String, filter: String, cases: Int, scale: Int = 1, generator: DatasetCaseGenerator = .init(),
    batchSize: Int = 1, shrinkBatchSize: Int? = nil, shrinkBudget: Int = 400, shrinkLimit: Int = 1, shrinkSeconds: Int = 20,
    _ property: @escaping PropertyRunner.Property
) throws {
    let settings = PropertySettings.current(cases: cases, scale: scale)
    var runner = PropertyRunner(name: name, filter: filter, generator: generator, batchSize: batchSize, shrinkBudget: shrinkBudget)
    runner.shrinkLimit = shrinkLimit
    runner.shrinkBatchSize = shrinkBatchSize
    runner.shrinkSeconds = shrinkSeconds
    for report in try runner.check(settings.allSeeds, property) {
        Issue.record("\(report)")
    }
}

/// A property of one case at a time, its errors turned into failures.
func eachCase(_ property: @escaping (GeneratedDataset) throws -> String?) -> PropertyRunner.Property {
    { batch in
        batch.map { generated in
            do { return try property(generated) } catch { return "\(error)" }
        }
    }
}
