import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What CI needs in one call: the dataset is valid, and Schemas/ and Exports/ equal what the current code generates.",
            discussion: "Exit status: 0 all good, 1 a finding, 2 unusable input.")

        @OptionGroup var dataset: DatasetOptions
        @OptionGroup var report: ReportOptions

        @Option(name: .long, help: ArgumentHelp("The committed schemas folder.", valueName: "folder"))
        var schemas: String = "Schemas"

        @Option(name: .long, help: ArgumentHelp("The committed exports folder.", valueName: "folder"))
        var exports: String = "Exports"

        func run() throws {
            let loaded = try dataset.load()
            let check = ConsistencyCheck(registry: .builtIn, schemasFolder: schemas, exportsFolder: exports)
            let findings: [Finding]
            do {
                findings = try check.run(loaded)
            } catch {
                throw fail(error)
            }
            let subject = "schemas and \(FormatRegistry.builtIn.exporters.count) exports up to date"
            Console.out(FindingReport(path: loaded.path, findings: findings, subject: subject).rendered(report.style), terminator: "")
            if findings.hasErrors { throw Status.invalid }
        }
    }
}
