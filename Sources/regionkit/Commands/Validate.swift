import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a dataset, or a GeoJSON file, against the schema and print every finding.",
            discussion: """
                A .geojson, .geojsons or .geojsonl file is checked against RFC 7946 (and RFC 8142 for sequences) and \
                the dataset schema's ids and properties. Exit status: 0 valid, 1 invalid, 2 unusable input \
                (missing file, not YAML or not JSON).
                """)

        @Argument(help: ArgumentHelp("The dataset file or GeoJSON file (default: the canonical dataset).", valueName: "path"))
        var path: String?

        @OptionGroup var report: ReportOptions
        @OptionGroup var progress: ProgressOptions

        func run() throws {
            if let path, GeoJSONValidator.recognizes(path) {
                return try validateGeoJSON(path)
            }
            let dataset = DatasetOptions(dataset: path)
            let loaded = try progress.run(dataset.load)
            let subject = "\(loaded.dataset.rowCount) rows in \(TableID.allCases.filter { !loaded.dataset[$0].isEmpty }.count) tables"
            Console.out(
                FindingReport(path: loaded.path, findings: loaded.findings, subject: subject).rendered(report.style), terminator: "")
            if !loaded.isValid { throw Status.invalid }
        }

        private func validateGeoJSON(_ path: String) throws {
            let result: GeoJSONValidator.Report
            do {
                result = try GeoJSONValidator().validate(path: path)
            } catch {
                throw fail(error)
            }
            let subject = "\(result.featureCount) feature\(result.featureCount == 1 ? "" : "s")"
            Console.out(FindingReport(path: path, findings: result.findings, subject: subject).rendered(report.style), terminator: "")
            if result.findings.hasErrors { throw Status.invalid }
        }
    }
}

extension DatasetOptions {
    init(dataset: String?) {
        self.init()
        self.dataset = dataset
    }
}
