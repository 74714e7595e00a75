/// A short, stable identity of a dataset's content: `sha256:` and the SHA-256 of its canonical YAML.
///
/// Exports carry the fingerprint of the dataset they were made from, so an import can tell whether the canonical
/// dataset changed since.
public enum DatasetFingerprint {
    /// What every fingerprint starts with, before the hexadecimal digest.
    public static let prefix = "sha256:"

    /// The fingerprint of `dataset`.
    public static func of(_ dataset: Dataset) throws(RegionKitError) -> String {
        of(yaml: try DatasetYAMLText.of(dataset))
    }

    /// The fingerprint of the dataset whose canonical YAML (`DatasetYAMLText`) is `yaml`.
    public static func of(yaml: String) -> String {
        prefix + SHA256.hex(yaml)
    }
}
