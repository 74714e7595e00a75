import Foundation

/// The files under a folder as they are at one moment: each one's size, modification time and, for files up to
/// 1 MiB, its bytes. Two snapshots tell whether anything was written, removed or changed in between; a large file
/// (a hostile one) is compared by size and time, not read.
struct Snapshot {
    struct FileState: Equatable {
        var size: Int
        var modified: Date?
        var contents: Data?
    }

    /// Files up to this size are compared byte for byte.
    static let comparedBytes = 1 << 20

    private(set) var files: [String: FileState] = [:]

    init(of folder: String) throws {
        let manager = FileManager.default
        for name in manager.subpaths(atPath: folder) ?? [] {
            let path = folder + "/" + name
            let attributes = try manager.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType != .typeDirectory else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            files[name] = FileState(
                size: size, modified: attributes[.modificationDate] as? Date,
                contents: size <= Self.comparedBytes ? manager.contents(atPath: path) : nil)
        }
    }

    /// What differs from an earlier snapshot: `+ new`, `- removed`, `~ changed`, one line per file.
    func changes(since earlier: Snapshot) -> [String] {
        let names = Set(files.keys).union(earlier.files.keys).sorted()
        return names.compactMap { name in
            switch (earlier.files[name], files[name]) {
            case (nil, _?): return "+ \(name)"
            case (_?, nil): return "- \(name)"
            case let (old?, new?) where old != new: return "~ \(name)"
            default: return nil
            }
        }
    }
}
