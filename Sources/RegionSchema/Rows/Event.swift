/// A dated event. A typed view of a row of `events`.
public struct Event: Sendable, Hashable {
    public var id: String
    public var date: PartialDate?
    public var end: PartialDate?
    public var kind: String
    public var countries: [String]
    public var organization: String?
    public var summary: String
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        date = record["date"]?.date
        end = record["end"]?.date
        kind = record["kind"]?.text ?? ""
        countries = record["countries"]?.list ?? []
        organization = record["organization"]?.text
        summary = record["summary"]?.text ?? ""
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
