import Foundation
import RegionKit

/// Finds the country polygons an export draws: a file named by the `boundaries` option, else the Natural Earth
/// extract beside the dataset (`../natural-earth/` from `Fixtures/central-asia/`), else `Fixtures/natural-earth/` in
/// the current folder or the nearest parent that has it.
public enum BoundaryLocator {
    /// The file name of the Natural Earth extract.
    public static let fileName = "admin0-110m-central-asia.geojson"
    /// Where the extract lives in a RegionKit checkout.
    public static let checkoutPath = "Fixtures/natural-earth/" + fileName
    /// The export option that names another boundary file.
    public static let option = "boundaries"

    /// The boundary file for a request, or an error saying where it was looked for.
    public static func locate(
        for request: ExportRequest,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(RegionKitError) -> String {
        if let named = request.options[option] {
            guard !named.isEmpty else { throw RegionKitError(.invalidOption, "the \(option) option needs a file path") }
            return named
        }
        var candidates: [String] = []
        if let dataset = request.datasetPath {
            let folder = URL(fileURLWithPath: dataset).deletingLastPathComponent()
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("natural-earth/" + fileName).path)
        }
        var folder = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        while true {
            candidates.append(folder.appendingPathComponent(checkoutPath).path)
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) {
            return relative(found, to: currentDirectory)
        }
        throw RegionKitError(
            .fileNotFound,
            "no country polygons found: looked for \(candidates.first ?? checkoutPath) and \(checkoutPath) here and in parent folders; "
                + "name a file with --option \(option)=PATH")
    }

    /// The path relative to the current folder when it lies inside it, so messages stay short.
    static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
