/// A country, its role in the dataset and its capital. A typed view of a row of `countries`.
public struct Country: Sendable, Hashable {
    public var id: String
    public var alpha2: String
    public var name: String
    public var role: String
    public var capital: String?
    public var capitalLongitude: Double?
    public var capitalLatitude: Double?
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        alpha2 = record["alpha2"]?.text ?? ""
        name = record["name"]?.text ?? ""
        role = record["role"]?.text ?? ""
        capital = record["capital"]?.text
        capitalLongitude = record["capital_longitude"]?.number
        capitalLatitude = record["capital_latitude"]?.number
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
