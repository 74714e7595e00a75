/// Where a value sits inside a JSON document, such as `features[3].geometry.coordinates[0]`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down: an object member or an array item.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the root, in order; empty for the root itself.
    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The root of the document.
    public static let root = JSONPath()

    /// The path of a member of the object at this path.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    /// The path of an item of the array at this path.
    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    /// `features[3].geometry`: keys joined with dots, indices in brackets, keys that are not plain words quoted
    /// in brackets (`["iso a3"]`); `$` for the root.
    public var description: String {
        guard !components.isEmpty else { return "$" }
        var text = ""
        for component in components {
            switch component {
            case .index(let index):
                text += "[\(index)]"
            case .key(let key) where Self.isPlainWord(key):
                text += text.isEmpty ? key : "." + key
            case .key(let key):
                var quoted = ""
                JSONValue.writeString(key, to: &quoted)
                text += "[\(quoted)]"
            }
        }
        return text
    }

    private static func isPlainWord(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy {
            $0 == "_" || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        }
    }
}
