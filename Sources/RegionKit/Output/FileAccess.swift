import Foundation

/// Reading files with errors that name the file.
public enum FileAccess {
    /// The bytes of a file; a missing or unreadable file is a `RegionKitError`.
    public static func read(_ path: String) throws(RegionKitError) -> [UInt8] {
        try checkFile(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RegionKitError(.unreadable, "\(path): cannot be read (check its permissions)")
        }
        return [UInt8](data)
    }

    /// The bytes of a file of at most `maximumBytes`; a larger file is refused by its size, before it is read.
    public static func read(_ path: String, maximumBytes: Int) throws(RegionKitError) -> [UInt8] {
        try checkFile(path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else {
            throw RegionKitError(
                .unsupported, "\(path): the file is \(size) bytes, more than the \(maximumBytes) RegionKit reads; it is refused")
        }
        return try read(path)
    }

    /// Checks that `path` names a file, not a folder, before it is read; a `RegionKitError` otherwise.
    public static func checkFile(_ path: String) throws(RegionKitError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RegionKitError(.fileNotFound, "\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw RegionKitError(.unreadable, "\(path): is a folder, not a file")
        }
    }
}
