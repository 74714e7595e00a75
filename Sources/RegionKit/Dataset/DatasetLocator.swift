import Foundation

/// Finds the dataset a command works on when none is named.
public enum DatasetLocator {
    /// The environment variable that names the default dataset file.
    public static let environmentVariable = "REGIONKIT_DATASET"
    /// Where the canonical dataset lives in a RegionKit checkout.
    public static let canonicalPath = "Fixtures/central-asia/dataset.yaml"

    /// The dataset named by `REGIONKIT_DATASET`, else the canonical dataset in this folder or the nearest parent folder that has one.
    public static func defaultDataset(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> String {
        if let named = environment[environmentVariable], !named.isEmpty { return named }
        var folder = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        while true {
            let candidate = folder.appendingPathComponent(canonicalPath)
            if FileManager.default.fileExists(atPath: candidate.path) {
                return folder.path == currentDirectory ? canonicalPath : candidate.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return canonicalPath }
            folder = parent
        }
    }
}
