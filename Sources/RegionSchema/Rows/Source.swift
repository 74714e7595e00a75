/// A publication the facts are taken from. A typed view of a row of `sources`.
public struct Source: Sendable, Hashable {
    public var id: String
    public var title: String
    public var author: String
    public var affiliation: String?
    public var publisher: String
    public var published: PartialDate?
    public var url: String?
    public var text: String?

    /// Reads the row's values; a missing required text reads as empty, so validate the dataset first.
    public init(_ record: Record) {
        id = record["id"]?.text ?? ""
        title = record["title"]?.text ?? ""
        author = record["author"]?.text ?? ""
        affiliation = record["affiliation"]?.text
        publisher = record["publisher"]?.text ?? ""
        published = record["published"]?.date
        url = record["url"]?.text
        text = record["text"]?.text
    }
}
