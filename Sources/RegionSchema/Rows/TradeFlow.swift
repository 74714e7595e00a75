/// Goods one country supplies to another. A typed view of a row of `trade`.
public struct TradeFlow: Sendable, Hashable {
    public var id: String
    public var exporter: String
    public var importer: String
    public var goods: [String]
    public var source: String
    public var quote: String

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        exporter = record["exporter"]?.text ?? ""
        importer = record["importer"]?.text ?? ""
        goods = record["goods"]?.list ?? []
        source = record["source"]?.text ?? ""
        quote = record["quote"]?.text ?? ""
    }
}
