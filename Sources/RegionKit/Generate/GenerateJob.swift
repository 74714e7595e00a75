import Foundation

/// Writes a generated dataset to a YAML file whose source text paths still lead to the real sources' texts.
public enum GenerateJob {
    public static func run(_ real: LoadedDataset, options: DatasetGenerator.Options, output: String) throws(RegionKitError) {
        var dataset = DatasetGenerator(options: options).generate(from: real.dataset)
        let outputFolder = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL
        for index in dataset[.sources].indices {
            guard let text = dataset[.sources][index]["text"]?.text, !text.hasPrefix("/") else { continue }
            let target = real.folder.appendingPathComponent(text).standardizedFileURL
            dataset[.sources][index]["text"] = .text(relativePath(from: outputFolder, to: target))
        }
        let transaction = OutputTransaction()
        try transaction.write(try DatasetYAMLText.of(dataset), to: output)
        try transaction.commit()
    }

    /// The path of `target` relative to the folder `base`, both absolute.
    static func relativePath(from base: URL, to target: URL) -> String {
        let from = base.pathComponents
        let to = target.pathComponents
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...]).joined(separator: "/")
    }
}
