/// The closed lists of the dataset schema.
public enum Domains {
    /// What part a country plays in the dataset.
    public static let countryRole = EnumDomain(
        name: "country_role",
        values: ["central asian state", "focal state", "outside actor", "neighbour", "other"])

    /// What kind of body an organization is.
    public static let organizationKind = EnumDomain(
        name: "organization_kind",
        values: [
            "military alliance", "economic union", "economic community", "dialogue format", "political union",
            "intergovernmental organization", "company", "government body", "research centre", "school",
        ])

    /// How a country stands towards an organization over a period.
    public static let membershipStatus = EnumDomain(
        name: "membership_status",
        values: ["member", "prospective", "suspended", "withdrawn", "participant", "party", "observer"])

    /// The sectors of cooperation.
    public static let cooperationArea = EnumDomain(
        name: "cooperation_area",
        values: [
            "security", "military-technical", "energy", "oil and gas", "hydropower", "trade", "investment",
            "economic assistance", "integration", "interregional", "education", "science", "space",
            "atomic energy", "agriculture", "media and culture", "legislation",
        ])

    /// How a figure is hedged in its source.
    public static let qualifier = EnumDomain(
        name: "qualifier",
        values: ["more than", "about", "less than", "at least"])

    /// What kind of event an event row records.
    public static let eventKind = EnumDomain(
        name: "event_kind",
        values: ["agreement", "visit", "election", "policy", "withdrawal", "economic", "military", "political"])

    /// Every closed list, in a stable order.
    public static let all: [EnumDomain] = [
        countryRole, organizationKind, membershipStatus, cooperationArea, qualifier, eventKind,
    ]
}
