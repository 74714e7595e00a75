import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a dataset against the schema and print every finding.",
            discussion: "Exit status: 0 valid, 1 invalid, 2 unusable input (missing file, not YAML).")

        @Argument(help: ArgumentHelp("The dataset file (default: the canonical dataset).", valueName: "path"))
        var path: String?

        @OptionGroup var report: ReportOptions

        func run() throws {
            let dataset = DatasetOptions(dataset: path)
            let loaded = try dataset.load()
            let subject = "\(loaded.dataset.rowCount) rows in \(TableID.allCases.filter { !loaded.dataset[$0].isEmpty }.count) tables"
            Console.out(FindingReport(path: loaded.path, findings: loaded.findings, subject: subject).rendered(report.style), terminator: "")
            if !loaded.isValid { throw Status.invalid }
        }
    }
}

extension DatasetOptions {
    init(dataset: String?) {
        self.init()
        self.dataset = dataset
    }
}
