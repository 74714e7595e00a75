/// Writes a valid dataset in one or more formats, each into its own folder `<output>/<format id>/`, all or nothing.
public struct ExportJob {
    /// The formats to write, in order.
    public var exporters: [any DatasetExporter]
    /// The folder that holds one folder per format.
    public var output: String
    /// Options passed to every exporter.
    public var options: [String: String]

    public init(exporters: [any DatasetExporter], output: String, options: [String: String] = [:]) {
        self.exporters = exporters
        self.output = output
        self.options = options
    }

    /// The folder a format's files go into.
    public func folder(for format: any DatasetFormat) -> String {
        output + "/" + format.descriptor.id
    }

    /// Writes the dataset; refuses an invalid one. Returns the paths written, in order.
    @discardableResult
    public func run(_ loaded: LoadedDataset) throws(RegionKitError) -> [String] {
        guard loaded.isValid else {
            throw RegionKitError(
                .unsupported, "\(loaded.path): the dataset is invalid; run 'regionkit validate' to see why. Nothing was written.")
        }
        let problems = FormatOption.problems(in: options, declaredBy: exporters)
        if !problems.isEmpty {
            throw RegionKitError(.invalidOption, problems.joined(separator: "\nerror: "))
        }
        let transaction = OutputTransaction()
        let request = ExportRequest(dataset: loaded.dataset, name: loaded.name, options: options, datasetPath: loaded.path)
        for exporter in exporters {
            try exporter.export(request, to: ExportOutput(folder: folder(for: exporter), transaction: transaction))
        }
        let paths = transaction.paths
        try transaction.commit()
        return paths
    }
}
