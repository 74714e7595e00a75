import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the JSON Schema (draft 2020-12) of the dataset file, generated from the schema catalogue.")

        @Option(name: .long, help: ArgumentHelp("The folder to write into.", valueName: "folder"))
        var output: String = "Schemas"

        @Flag(name: .long, help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            do {
                let paths = try SchemaJob.run(into: output)
                if !quiet { paths.forEach { Console.out("wrote \($0)") } }
            } catch {
                throw fail(error)
            }
        }
    }
}
