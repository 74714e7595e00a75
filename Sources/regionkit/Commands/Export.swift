import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the dataset in one format, or in every registered format.",
            discussion: "Each format's files go into <output>/<format>/. An invalid dataset writes nothing.")

        @OptionGroup var dataset: DatasetOptions

        @Option(name: .long, help: ArgumentHelp("The format to write (default: every registered format).", valueName: "id"))
        var format: String?

        @Option(name: .long, help: ArgumentHelp("The folder that receives one folder per format.", valueName: "folder"))
        var output: String = "Exports"

        @Option(name: .customLong("option"), help: ArgumentHelp("A format option, repeatable.", valueName: "key=value"))
        var options: [String] = []

        @OptionGroup var progress: ProgressOptions

        @OptionGroup var plugins: PluginOptions

        func validate() throws {
            let malformed = options.filter { !$0.contains("=") }
            if !malformed.isEmpty {
                throw ValidationError("options must be key=value: \(malformed.joined(separator: ", "))")
            }
        }

        func run() throws {
            try progress.run(export)
        }

        private func export() throws {
            let loaded = try dataset.load()
            guard loaded.isValid else {
                Console.out(FindingReport(path: loaded.path, findings: loaded.findings).rendered(.text), terminator: "")
                Console.error("error: the dataset is invalid; nothing was written")
                throw Status.invalid
            }
            let registry = plugins.registry()
            var exporters = registry.exporters
            if let format {
                guard let exporter = registry.exporter(id: format) else {
                    throw fail(
                        RegionKitError(
                            .invalidOption,
                            "unknown format '\(format)'; formats that export: \(exporters.map(\.descriptor.id).joined(separator: ", "))"))
                }
                exporters = [exporter]
            }
            let pairs = options.map { option in
                let parts = option.split(separator: "=", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
            }
            let job = ExportJob(exporters: exporters, output: output, options: Dictionary(pairs) { _, last in last })
            do {
                let paths = try job.run(loaded)
                if !progress.quiet { paths.forEach { Console.out("wrote \($0)") } }
            } catch {
                throw fail(error)
            }
        }
    }
}
