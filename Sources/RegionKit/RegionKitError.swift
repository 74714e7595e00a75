/// An input or output RegionKit cannot use at all. Commands exit with status 2 on these, and write nothing.
public struct RegionKitError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure it is.
    public enum Kind: String, Sendable, Hashable {
        case fileNotFound, unreadable, syntax, unsupported, writeFailed, invalidOption, locked, plugin
    }

    public var kind: Kind
    /// What went wrong, naming the file and, where known, the place in it.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
