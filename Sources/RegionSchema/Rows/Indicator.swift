/// A figure with a unit and a date. A typed view of a row of `indicators`.
public struct Indicator: Sendable, Hashable {
    public var id: String
    public var country: String
    public var partner: String?
    public var indicator: String
    public var value: Double?
    public var unit: String
    public var qualifier: String?
    public var date: PartialDate?
    public var note: String?
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        country = record["country"]?.text ?? ""
        partner = record["partner"]?.text
        indicator = record["indicator"]?.text ?? ""
        value = record["value"]?.number
        unit = record["unit"]?.text ?? ""
        qualifier = record["qualifier"]?.text
        date = record["date"]?.date
        note = record["note"]?.text
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
