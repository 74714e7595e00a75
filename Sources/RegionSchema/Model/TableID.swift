/// The tables of a RegionKit dataset, in their canonical order.
public enum TableID: String, Sendable, Hashable, CaseIterable, Codable, Comparable, CustomStringConvertible {
    case sources
    case countries
    case organizations
    case memberships
    case cooperation
    case indicators
    case events
    case trade
    case bases

    public var description: String { rawValue }

    /// The position of the table in the canonical order.
    public var order: Int { TableID.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: TableID, rhs: TableID) -> Bool { lhs.order < rhs.order }
}
