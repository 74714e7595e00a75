/// One row of a table: field values by field key, and where each came from.
///
/// Two records are equal when their values are equal; locations do not count.
public struct Record: Sendable, Equatable {
    /// The field values by field key; an absent key is an empty field.
    public var values: [String: Value]
    /// Where the row starts in its input, if it was read from one.
    public var location: Location?
    /// Where each field's value stands in the input, by field key.
    public var fieldLocations: [String: Location]
    /// Fields that were present in the input but could not be read; a finding says why, and rules do not report them again.
    public var unreadable: Set<String>
    /// The row's id when the file it was read from was exported, if the file tracks it; an edited id is then a change, not a new row.
    public var baseID: String?

    public init(_ values: [String: Value] = [:], location: Location? = nil, fieldLocations: [String: Location] = [:]) {
        self.values = values
        self.location = location
        self.fieldLocations = fieldLocations
        self.unreadable = []
        self.baseID = nil
    }

    /// Whether the input had the field, readable or not.
    public func has(_ key: String) -> Bool {
        values[key] != nil || unreadable.contains(key)
    }

    public subscript(key: String) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// The row's `id`, when it has one.
    public var id: String? { values["id"]?.text }

    /// The location of a field, falling back on the row's location.
    public func location(of key: String) -> Location? {
        fieldLocations[key] ?? location
    }

    public static func == (lhs: Record, rhs: Record) -> Bool { lhs.values == rhs.values }
}
