/// One period of a country's standing in an organization. A typed view of a row of `memberships`.
public struct Membership: Sendable, Hashable {
    public var id: String
    public var country: String
    public var organization: String
    public var status: String
    public var from: PartialDate?
    public var to: PartialDate?
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        country = record["country"]?.text ?? ""
        organization = record["organization"]?.text ?? ""
        status = record["status"]?.text ?? ""
        from = record["from"]?.date
        to = record["to"]?.date
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
