/// Cooperation between an outside partner and a country or the region. A typed view of a row of `cooperation`.
public struct Cooperation: Sendable, Hashable {
    public var id: String
    public var partner: String
    public var country: String?
    public var areas: [String]
    public var summary: String
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        partner = record["partner"]?.text ?? ""
        country = record["country"]?.text
        areas = record["areas"]?.list ?? []
        summary = record["summary"]?.text ?? ""
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
