extension Dataset {
    /// The rows of `sources` as typed values.
    public var sourceRows: [Source] { self[.sources].map(Source.init) }
    /// The rows of `countries` as typed values.
    public var countryRows: [Country] { self[.countries].map(Country.init) }
    /// The rows of `organizations` as typed values.
    public var organizationRows: [Organization] { self[.organizations].map(Organization.init) }
    /// The rows of `memberships` as typed values.
    public var membershipRows: [Membership] { self[.memberships].map(Membership.init) }
    /// The rows of `cooperation` as typed values.
    public var cooperationRows: [Cooperation] { self[.cooperation].map(Cooperation.init) }
    /// The rows of `indicators` as typed values.
    public var indicatorRows: [Indicator] { self[.indicators].map(Indicator.init) }
    /// The rows of `events` as typed values.
    public var eventRows: [Event] { self[.events].map(Event.init) }
    /// The rows of `trade` as typed values.
    public var tradeRows: [TradeFlow] { self[.trade].map(TradeFlow.init) }
    /// The rows of `bases` as typed values.
    public var baseRows: [MilitaryBase] { self[.bases].map(MilitaryBase.init) }
}
