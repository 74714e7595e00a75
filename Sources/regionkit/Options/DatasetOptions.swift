import ArgumentParser
import RegionKitFormats

/// Which dataset a command works on.
struct DatasetOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The dataset file (default: $REGIONKIT_DATASET, else \(DatasetLocator.canonicalPath) here or in a parent folder).",
            valueName: "path"))
    var dataset: String?

    /// The dataset path to use.
    var path: String { dataset ?? DatasetLocator.defaultDataset() }

    /// Loads and validates the dataset, turning an unusable file into exit status 2.
    func load() throws -> LoadedDataset {
        do {
            return try DatasetLoader().load(path)
        } catch {
            throw fail(error)
        }
    }
}

/// How findings are printed.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "How to print findings: text, json or github (GitHub Actions annotations).")
    var style: FindingReport.Style = .text
}

extension FindingReport.Style: ExpressibleByArgument {}
