/// A short, stable identity of a dataset's content: `sha256:` and the SHA-256 of its canonical YAML.
///
/// Exports carry the fingerprint of the dataset they were made from, so an import can tell whether the canonical
/// dataset changed since.
public enum DatasetFingerprint {
    public static func of(_ dataset: Dataset) throws(RegionKitError) -> String {
        "sha256:" + SHA256.hex(try DatasetYAMLText.of(dataset))
    }
}
