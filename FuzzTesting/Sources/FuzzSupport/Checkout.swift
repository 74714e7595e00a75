import Foundation

/// Files of the RegionKit checkout the fuzzers were built from, such as the committed exports they start from.
public enum Checkout {
    /// The checkout's root folder: three folders above this file's.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The path of a file given relative to the checkout's root.
    public static func path(_ relative: String) -> String {
        root + "/" + relative
    }
}
