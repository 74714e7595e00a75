/// A military base one country keeps in another. A typed view of a row of `bases`.
public struct MilitaryBase: Sendable, Hashable {
    public var id: String
    public var name: String
    public var host: String
    public var operatorCountry: String
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        name = record["name"]?.text ?? ""
        host = record["host"]?.text ?? ""
        operatorCountry = record["operator"]?.text ?? ""
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
