import Foundation
import RegionKitFormats
import TestSupport

/// Exports and files the GIS tests share.
enum GIS {
    /// Runs `regionkit export --format FORMAT` into a new folder and returns the folder of the format's files.
    static func export(_ format: String, _ options: [String] = [], dataset: String? = nil) throws -> (run: ProgramRun, folder: String) {
        let output = try Repository.temporaryFolder()
        var arguments = ["export", "--format", format, "--output", output]
        if let dataset { arguments += ["--dataset", dataset] }
        for option in options { arguments += ["--option", option] }
        let run = try RegionKitBinary.run(arguments)
        return (run, output + "/" + format)
    }

    /// A copy of the canonical dataset folder (with its source texts) in a new folder, changed by `edit`.
    static func datasetCopy(_ edit: (String) -> String) throws -> String {
        let folder = try Repository.temporaryFolder() + "/central-asia"
        try FileManager.default.copyItem(atPath: Repository.path("Fixtures/central-asia"), toPath: folder)
        let path = folder + "/dataset.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A GeoJSON file read with Foundation's JSON reader, independently of RegionKit's.
    static func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The rings of a feature's Polygon or MultiPolygon, as longitude–latitude pairs, exterior first in each polygon.
    static func polygons(of feature: [String: Any]) -> [[[[Double]]]] {
        guard let geometry = feature["geometry"] as? [String: Any] else { return [] }
        let coordinates = geometry["coordinates"]
        switch geometry["type"] as? String {
        case "Polygon": return [(coordinates as? [[[Double]]]) ?? []]
        case "MultiPolygon": return (coordinates as? [[[[Double]]]]) ?? []
        default: return []
        }
    }

    /// Twice the signed area of a ring by the shoelace formula, positive when counter-clockwise.
    static func signedArea(_ ring: [[Double]]) -> Double {
        var sum = 0.0
        for index in ring.indices {
            let a = ring[index], b = ring[(index + 1) % ring.count]
            sum += a[0] * b[1] - b[0] * a[1]
        }
        return sum
    }

    /// Writes `text` to a new file named `name` and returns its path.
    static func file(_ name: String, _ text: String) throws -> String {
        let path = try Repository.temporaryFolder() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
