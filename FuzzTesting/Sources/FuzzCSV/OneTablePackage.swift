import FuzzSupport
import RegionKitFormats

/// A CSV package in the scratch folder that holds one table's file, for reading fuzz inputs as that table the way
/// `regionkit import` reads a package.
enum OneTablePackage {
    /// The table a CSV file is most likely of: the one with the most field keys among the cells of its first line
    /// (the first table when none matches), so that the exported files in the seeds read as their own tables.
    static func table(of bytes: [UInt8]) -> TableSpec {
        let line = bytes.prefix(4096).prefix { $0 != 0x0A && $0 != 0x0D }
        let cells = Set(
            line.split { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ";") }
                .map { String(decoding: $0.filter { $0 != UInt8(ascii: "\"") }, as: UTF8.self) }
                .map { $0.hasPrefix("\u{FEFF}") ? String($0.dropFirst()) : $0 })
        var best = DatasetSchema.tables[0]
        var bestCount = 0
        for table in DatasetSchema.tables {
            let count = table.keys.filter(cells.contains).count
            if count > bestCount {
                best = table
                bestCount = count
            }
        }
        return best
    }

    /// Writes `bytes` as the only file of a package for `table` into `folder`; returns the folder's path.
    static func write(_ bytes: [UInt8], as table: TableSpec, into folder: String) -> String {
        let file = DataPackageDescriptor.fileName(of: table.id)
        let descriptor = JSONValue.object([
            (DataPackageDescriptor.property, .object([("schema_version", .string(DatasetSchema.version))])),
            ("resources", .array([.object([("name", .string(table.id.rawValue)), ("path", .string(file))])])),
        ])
        Scratch.write(Array(descriptor.serialized().utf8), to: folder + "/" + DataPackageDescriptor.fileName)
        Scratch.write(bytes, to: folder + "/" + file)
        return Scratch.path(folder)
    }
}
