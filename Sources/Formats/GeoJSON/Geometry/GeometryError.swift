/// A geometry the GeoJSON pipeline cannot make valid.
public struct GeometryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with it, in one sentence.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
