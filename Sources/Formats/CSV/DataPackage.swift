import Foundation
import RegionKit

/// What an import needs from a `datapackage.json`: each table's CSV file, the schema version and the fingerprint
/// of the exported dataset.
struct DataPackage {
    /// Each table's file, relative to the descriptor's folder.
    var files: [TableID: String] = [:]
    var schemaVersion = DatasetSchema.version
    /// The fingerprint of the dataset the package was exported from, if it says.
    var fingerprint: String?
    /// Problems with the descriptor that do not stop the import.
    var findings: [Finding] = []

    /// Reads a descriptor; throws when it is no JSON object or names files outside its folder.
    init(path: String) throws(RegionKitError) {
        let bytes = try FileAccess.read(path)
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw RegionKitError(.syntax, "\(path): error: the descriptor is not a JSON object")
            }
            object = parsed
        } catch let error as RegionKitError {
            throw error
        } catch {
            throw RegionKitError(.syntax, "\(path): error: the descriptor is not JSON (\(error.localizedDescription))")
        }
        let here = Location(file: path)
        if let custom = object[DataPackageDescriptor.property] as? [String: Any] {
            if let version = custom["schema_version"] as? String {
                schemaVersion = version
                if version != DatasetSchema.version {
                    findings.append(
                        Finding(
                            code: "schema.version",
                            message: "schema version '\(version)' is not supported; this RegionKit reads version \(DatasetSchema.version)",
                            location: here))
                }
            }
            fingerprint = custom["fingerprint"] as? String
        } else {
            findings.append(
                Finding(
                    code: "csv.package", severity: .warning,
                    message:
                        "the descriptor has no '\(DataPackageDescriptor.property)' property; read as schema version \(DatasetSchema.version), with no fingerprint of an earlier export",
                    location: here))
        }
        guard let resources = object["resources"] as? [[String: Any]] else {
            throw RegionKitError(.syntax, "\(path): error: the descriptor has no list of resources")
        }
        for (index, resource) in resources.enumerated() {
            let at = Location(file: path, path: "resources[\(index)]")
            guard let name = resource["name"] as? String, let table = TableID(rawValue: name) else {
                let name = resource["name"] as? String ?? ""
                findings.append(
                    Finding(
                        code: "csv.unknown-table", message: "unknown table '\(name)'; the resource is not read", location: at,
                        hint: Suggestion.hint(for: name, in: TableID.allCases.map(\.rawValue))))
                continue
            }
            guard let file = resource["path"] as? String else {
                throw RegionKitError(.syntax, "\(path): error: the resource '\(name)' has no path")
            }
            let parts = file.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
                throw RegionKitError(.unsupported, "\(path): the resource '\(name)' names the file '\(file)', outside the package's folder")
            }
            if files[table] != nil {
                findings.append(
                    Finding(
                        code: "csv.duplicate-table", message: "the table '\(name)' has a second resource; only the first is read",
                        location: at))
                continue
            }
            files[table] = file
        }
        for table in TableID.allCases where files[table] == nil {
            findings.append(
                Finding(
                    code: "csv.missing-table",
                    message: "the descriptor has no resource for the table '\(table)'; an import would take its rows for deleted",
                    location: here,
                    hint: "add {\"name\": \"\(table)\", \"path\": \"\(DataPackageDescriptor.fileName(of: table))\"} to its resources"))
        }
    }
}
