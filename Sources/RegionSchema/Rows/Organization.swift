/// An alliance, union, format, company or institution. A typed view of a row of `organizations`.
public struct Organization: Sendable, Hashable {
    public var id: String
    public var name: String
    public var abbreviation: String?
    public var kind: String
    public var founded: PartialDate?
    public var country: String?
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        name = record["name"]?.text ?? ""
        abbreviation = record["abbreviation"]?.text
        kind = record["kind"]?.text ?? ""
        founded = record["founded"]?.date
        country = record["country"]?.text
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
