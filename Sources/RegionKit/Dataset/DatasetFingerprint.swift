import RegionYAML

/// A short, stable identity of a dataset's content: `sha256:` and the SHA-256 of its canonical YAML.
///
/// Exports carry the fingerprint of the dataset they were made from, so an import can tell whether the canonical
/// dataset changed since.
public enum DatasetFingerprint {
    public static func of(_ dataset: Dataset) throws(RegionKitError) -> String {
        do {
            return "sha256:" + SHA256.hex(try DatasetYAMLCodec.encode(dataset))
        } catch {
            throw RegionKitError(.writeFailed, "cannot fingerprint the dataset: \(error.description)")
        }
    }
}
