import RegionKit

/// Writes a dataset that a reader gave back out through a format's exporter, for properties of the form "what
/// reads, written again and read back, is the same".
public enum Reexport {
    /// The rows of `dataset` that were read without a problem and hold a value: a row with a cell that could not be
    /// read (a finding says why) cannot be written back as it was, and a row without values is written as empty
    /// cells, which read as a blank line.
    public static func readableRows(of dataset: Dataset) -> Dataset {
        var readable = dataset
        for table in TableID.allCases {
            readable[table] = dataset[table].filter { $0.unreadable.isEmpty && !$0.values.isEmpty }
        }
        return readable
    }

    /// Exports `dataset` as `name` into `folder` (inside the scratch folder), committing the files; false when the
    /// exporter refuses the dataset, which it may: exporters are only promised valid datasets.
    public static func write(
        _ dataset: Dataset, with exporter: some DatasetExporter, name: String = "fuzz", options: [String: String] = [:],
        into folder: String
    ) -> Bool {
        let transaction = OutputTransaction()
        do {
            let request = ExportRequest(dataset: dataset, name: name, options: options)
            try exporter.export(request, to: ExportOutput(folder: Scratch.path(folder), transaction: transaction))
            try transaction.commit()
            return true
        } catch {
            return false
        }
    }
}
