import ArgumentParser
import RegionKitFormats

extension RegionKitCommand {
    struct Map: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write an SVG map of the region, the countries filled by one column (EAEU status by default).",
            discussion: """
                The map is the one 'regionkit export --format map' writes for that column. By default it goes to \\
                Exports/map/<dataset>-<column>.svg, where the EAEU and CSTO maps are committed; write maps of other \\
                columns elsewhere with --output. Exit status: 0 written, 1 invalid dataset, 2 unusable input or option.
                """)

        @OptionGroup var dataset: DatasetOptions

        @Option(
            name: .long,
            help: ArgumentHelp("The text column that fills the countries, such as eaeu_status, csto_status or role.", valueName: "column"))
        var property: String = MapOptions.defaultProperties[0]

        @Option(name: .long, help: ArgumentHelp("albers (equal-area conic) or conic (equidistant conic).", valueName: "projection"))
        var projection: String = MapProjection.Kind.albers.rawValue

        @Option(name: .long, help: ArgumentHelp("The SVG file to write (default: Exports/map/<dataset>-<column>.svg).", valueName: "file"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("Another country polygon file (GeoJSON with iso_a3 properties).", valueName: "file"))
        var boundaries: String?

        @Flag(name: .long, help: "Print nothing but errors.")
        var quiet = false

        func run() throws {
            let loaded = try dataset.load()
            guard loaded.isValid else {
                Console.out(FindingReport(path: loaded.path, findings: loaded.findings).rendered(.text), terminator: "")
                Console.error("error: the dataset is invalid; nothing was written")
                throw Status.invalid
            }
            var options = ["property": property, "projection": projection]
            if let boundaries { options[BoundaryLocator.option] = boundaries }
            let request = ExportRequest(dataset: loaded.dataset, name: loaded.name, options: options, datasetPath: loaded.path)
            var target = output ?? ""
            do {
                let transaction = OutputTransaction()
                if output == nil {
                    // The file name comes from the dataset's name and the column: it must stay inside Exports/map/.
                    target = try ExportOutput(folder: "Exports/\(MapFormat.id)", transaction: transaction)
                        .path(for: SVGMap.fileName(datasetName: loaded.name, property: property))
                }
                let mapOptions = try MapOptions(options)
                let file = try BoundaryFile(path: try BoundaryLocator.locate(for: request))
                let map = try SVGMap(
                    dataset: loaded.dataset, datasetName: loaded.name, boundaries: file, property: property,
                    projection: mapOptions.projection)
                try transaction.write(map.svg(), to: target)
                try transaction.commit()
                if !quiet { Console.out("wrote \(target)") }
            } catch {
                throw fail(error)
            }
        }
    }
}
