import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write a large valid dataset for benchmarks: the real sources, countries and organizations, and N synthetic indicator rows.",
            discussion: "The same seed gives the same file.")

        @OptionGroup var dataset: DatasetOptions

        @Option(name: .long, help: "The number of indicator rows.")
        var indicators: Int

        @Option(name: .long, help: "The seed of the pseudo-random generator.")
        var seed: UInt64 = 1

        @Option(name: .long, help: ArgumentHelp("The YAML file to write.", valueName: "file"))
        var output: String

        @OptionGroup var progress: ProgressOptions

        func validate() throws {
            guard indicators >= 0, indicators <= 100_000_000 else { throw ValidationError("--indicators must be between 0 and 100000000") }
        }

        func run() throws {
            let loaded = try dataset.load()
            guard loaded.isValid else {
                Console.error("error: \(loaded.path): the dataset is invalid; nothing was written")
                throw Status.invalid
            }
            do {
                try progress.run { () throws(RegionKitError) in
                    try GenerateJob.run(loaded, options: .init(indicators: indicators, seed: seed), output: output)
                }
            } catch {
                throw fail(error)
            }
        }
    }
}
