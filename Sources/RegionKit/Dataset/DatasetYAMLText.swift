import RegionYAML

/// The canonical YAML text of a dataset, as the canonical file and the YAML export hold it.
public enum DatasetYAMLText {
    public static func of(_ dataset: Dataset) throws(RegionKitError) -> String {
        do {
            return try DatasetYAMLCodec.encode(dataset)
        } catch {
            throw RegionKitError(.writeFailed, "cannot write YAML: \(error.description)")
        }
    }
}
