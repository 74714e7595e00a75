import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what an edited file changes in the dataset, and apply it with --apply.",
            discussion: """
                The file's format is recognized from its name (or given with --input-format). A dry run is the default. \
                --apply writes the canonical dataset only when the file is valid and has no conflicts, atomically. \
                Exit status: 0 clean, 1 invalid data or conflicts, 2 unusable file.
                """)

        @Argument(help: ArgumentHelp("The edited file or folder.", valueName: "path"))
        var path: String

        @OptionGroup var dataset: DatasetOptions
        @OptionGroup var report: ReportOptions

        @Flag(name: .long, help: "Write the merged dataset (default: a dry run).")
        var apply = false

        @Flag(name: .long, inversion: .prefixedNo, help: "Only report (the default); --no-dry-run is --apply.")
        var dryRun = true

        @Flag(name: .long, help: "Let --apply remove rows the file no longer has.")
        var allowDeletions = false

        @Flag(name: .long, help: "Compare a stale file with the dataset as it is now, when it carries no copy of its exported state.")
        var twoWay = false

        @Option(name: .customLong("input-format"), help: ArgumentHelp("The file's format id.", valueName: "id"))
        var inputFormat: String?

        @Option(name: .customLong("option"), help: ArgumentHelp("A format option, repeatable.", valueName: "key=value"))
        var formatOptions: [String] = []

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The CSV dialect of a CSV package (default: detected from each file's header row); short for --option dialect=<name>.",
                valueName: "name"))
        var dialect: String?

        @OptionGroup var plugins: PluginOptions
        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            let malformed = formatOptions.filter { !$0.contains("=") }
            if !malformed.isEmpty {
                throw ValidationError("options must be key=value: \(malformed.joined(separator: ", "))")
            }
        }

        func run() throws {
            var pairs = Dictionary(
                formatOptions.map { option in
                    let parts = option.split(separator: "=", maxSplits: 1)
                    return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
                }
            ) { _, last in last }
            if let dialect { pairs["dialect"] = dialect }
            let options = ImportJob.Options(
                apply: apply || !dryRun, allowDeletions: allowDeletions, twoWay: twoWay, format: inputFormat, formatOptions: pairs)
            let job = ImportJob(registry: plugins.registry(), datasetPath: dataset.path, options: options)
            let outcome: ImportJob.Outcome
            do {
                outcome = try progress.run { () throws(RegionKitError) in try job.run(path) }
            } catch {
                throw fail(error)
            }
            Console.out(ImportReport(outcome: outcome, dryRun: !options.apply).rendered(report.style), terminator: "")
            if !outcome.isClean { throw Status.invalid }
        }
    }
}
