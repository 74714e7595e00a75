/// The canonical schema of a RegionKit dataset: every table and field, in canonical order.
public enum DatasetSchema {
    /// The schema version that datasets and exports carry.
    public static let version = "1"

    /// The catalogue entry of a table.
    public static func table(_ id: TableID) -> TableSpec {
        switch id {
        case .sources: return sources
        case .countries: return countries
        case .organizations: return organizations
        case .memberships: return memberships
        case .cooperation: return cooperation
        case .indicators: return indicators
        case .events: return events
        case .trade: return trade
        case .bases: return bases
        }
    }

    /// Every table, in canonical order.
    public static var tables: [TableSpec] { TableID.allCases.map(table) }

    // MARK: Fields shared by several tables

    static func rowID(_ what: String) -> FieldSpec {
        FieldSpec(
            "id", "ID", .text, required: true, pattern: .slug, maxLength: 80,
            description: "A stable id for the \(what), unique in its table; never reuse an id for another row.")
    }

    static let source = FieldSpec(
        "source", "Source", .reference(.sources), required: true,
        description: "The id of the source that states this fact.")

    static let quote = FieldSpec(
        "quote", "Quote", .text, required: true, maxLength: 400,
        description: "A short excerpt copied verbatim from the source that states this fact.")

    static func country(_ key: String, _ title: String, required: Bool, _ description: String) -> FieldSpec {
        FieldSpec(key, title, .reference(.countries), required: required, pattern: .alpha3, description: description)
    }

    // MARK: Tables

    static let sources = TableSpec(
        .sources, title: "Sources",
        description: "The publications the facts are taken from.",
        fields: [
            rowID("source"),
            FieldSpec("title", "Title", .text, required: true, description: "The title of the publication."),
            FieldSpec("author", "Author", .text, required: true, description: "The author's name."),
            FieldSpec("affiliation", "Affiliation", .text, description: "The author's institution."),
            FieldSpec("publisher", "Publisher", .text, required: true, description: "Who published it."),
            FieldSpec("published", "Published", .date, required: true, description: "The publication date."),
            FieldSpec("url", "URL", .text, pattern: .url, description: "Where the publication can be read."),
            FieldSpec(
                "text", "Text file", .text,
                description: "A plain-text copy of the publication, relative to the dataset file; quotes are checked against it."),
        ])

    static let countries = TableSpec(
        .countries, title: "Countries",
        description: "The countries the dataset speaks of, with their role and capital.",
        fields: [
            FieldSpec(
                "id", "ISO alpha-3", .text, required: true, pattern: .alpha3,
                description: "The ISO 3166-1 alpha-3 code of the country."),
            FieldSpec(
                "alpha2", "ISO alpha-2", .text, required: true, pattern: .alpha2,
                description: "The ISO 3166-1 alpha-2 code of the country."),
            FieldSpec("name", "Name", .text, required: true, description: "The country's short English name."),
            FieldSpec(
                "role", "Role", .enumeration(Domains.countryRole), required: true,
                description:
                    "The part the country plays: a Central Asian state, Russia as the focal state, an outside actor, a neighbour or other."),
            FieldSpec("capital", "Capital", .text, description: "The capital's name as the source has it."),
            FieldSpec(
                "capital_longitude", "Capital longitude", .number, minimum: -180, maximum: 180,
                description: "The capital's longitude in degrees east (WGS 84)."),
            FieldSpec(
                "capital_latitude", "Capital latitude", .number, minimum: -90, maximum: 90,
                description: "The capital's latitude in degrees north (WGS 84)."),
            source, quote,
        ])

    static let organizations = TableSpec(
        .organizations, title: "Organizations",
        description: "Alliances, unions, formats, companies and institutions the dataset speaks of.",
        fields: [
            rowID("organization"),
            FieldSpec("name", "Name", .text, required: true, description: "The organization's full name."),
            FieldSpec("abbreviation", "Abbreviation", .text, description: "Its usual abbreviation, such as CSTO."),
            FieldSpec(
                "kind", "Kind", .enumeration(Domains.organizationKind), required: true,
                description: "What kind of body it is."),
            FieldSpec("founded", "Founded", .date, description: "When it was established."),
            country("country", "Country", required: false, "The country of a national body or company."),
            source, quote,
        ])

    static let memberships = TableSpec(
        .memberships, title: "Memberships",
        description: "One period of a country's standing in an organization; a history is several rows.",
        fields: [
            rowID("membership period"),
            country("country", "Country", required: true, "The member country."),
            FieldSpec(
                "organization", "Organization", .reference(.organizations), required: true,
                pattern: .slug, description: "The organization."),
            FieldSpec(
                "status", "Status", .enumeration(Domains.membershipStatus), required: true,
                description: "The country's standing in the organization during the period."),
            FieldSpec("from", "From", .date, description: "When the period began, if known."),
            FieldSpec("to", "To", .date, description: "When the period ended; empty while it lasts."),
            source, quote,
        ])

    static let cooperation = TableSpec(
        .cooperation, title: "Cooperation",
        description: "Cooperation between an outside partner and a country or the region, by sector.",
        fields: [
            rowID("cooperation claim"),
            country("partner", "Partner", required: true, "The outside partner, usually Russia."),
            country("country", "Country", required: false, "The counterpart country; empty for the region as a whole."),
            FieldSpec(
                "areas", "Areas", .list(.enumeration(Domains.cooperationArea)), required: true,
                description: "The sectors of cooperation, one or more."),
            FieldSpec(
                "summary", "Summary", .text, required: true, maxLength: 400,
                description: "What the cooperation is, in one neutral sentence."),
            source, quote,
        ])

    static let indicators = TableSpec(
        .indicators, title: "Indicators",
        description: "Figures with a unit and a date.",
        fields: [
            rowID("figure"),
            country("country", "Country", required: true, "The country the figure is about."),
            country("partner", "Partner", required: false, "The other country, for bilateral figures."),
            FieldSpec(
                "indicator", "Indicator", .text, required: true, pattern: .key, maxLength: 80,
                description: "What is measured; one unit per indicator."),
            FieldSpec("value", "Value", .number, description: "The figure; empty when the source gives none."),
            FieldSpec(
                "unit", "Unit", .text, required: true, maxLength: 40,
                description: "The unit of the value, the same for every row of an indicator."),
            FieldSpec(
                "qualifier", "Qualifier", .enumeration(Domains.qualifier),
                description: "How the source hedges the figure."),
            FieldSpec("date", "Date", .date, description: "When the figure holds; empty when the source does not say."),
            FieldSpec("note", "Note", .text, maxLength: 400, description: "Anything a reader needs to know about the figure."),
            source, quote,
        ])

    static let events = TableSpec(
        .events, title: "Events",
        description: "Dated events: agreements, visits, elections, policies, withdrawals.",
        fields: [
            rowID("event"),
            FieldSpec("date", "Date", .date, required: true, description: "When the event happened or began."),
            FieldSpec("end", "End", .date, description: "When an event that lasted ended."),
            FieldSpec("kind", "Kind", .enumeration(Domains.eventKind), required: true, description: "What kind of event it is."),
            FieldSpec(
                "countries", "Countries", .list(.reference(.countries)), required: true, pattern: .alpha3,
                description: "The countries involved, one or more."),
            FieldSpec(
                "organization", "Organization", .reference(.organizations), pattern: .slug,
                description: "The organization involved, if any."),
            FieldSpec(
                "summary", "Summary", .text, required: true, maxLength: 400,
                description: "What happened, in one neutral sentence."),
            source, quote,
        ])

    static let trade = TableSpec(
        .trade, title: "Trade",
        description: "Goods one country supplies to another.",
        fields: [
            rowID("trade flow"),
            country("exporter", "Exporter", required: true, "The supplying country."),
            country("importer", "Importer", required: true, "The receiving country."),
            FieldSpec("goods", "Goods", .list(.text), required: true, description: "The goods, as the source names them."),
            source, quote,
        ])

    static let bases = TableSpec(
        .bases, title: "Military bases",
        description: "Military bases one country keeps in another.",
        fields: [
            rowID("base"),
            FieldSpec("name", "Name", .text, required: true, description: "The base's name or a description of it."),
            country("host", "Host", required: true, "The country the base is in."),
            country("operator", "Operator", required: true, "The country that runs the base."),
            source, quote,
        ])
}
