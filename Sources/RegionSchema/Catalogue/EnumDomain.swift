/// A closed list of values a field may take, with a name shared by every field that uses it.
public struct EnumDomain: Sendable, Hashable {
    /// A stable name, usable as a lookup-list or defined name (`membership_status`).
    public let name: String
    /// The allowed values, in the order they are offered.
    public let values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    public func contains(_ value: String) -> Bool { values.contains(value) }
}
