public import RegionKit

/// Flattens what the dataset says about each country into scalar columns, one row per country:
/// names and codes, role and capital, the current status in each organization and the year it began, the areas
/// of cooperation, one number per indicator, the bases the country hosts, and the sources.
///
/// Organization and indicator columns are made from the dataset, named by `ColumnNaming`, for those that concern at
/// least one of the countries. Something that would need two values in one cell, such as two figures of one
/// indicator or two open-ended periods in one organization, cannot be flattened: the table records the problem
/// for that column, and writing the column is an error (leaving it out with `properties=` is not).
public struct CountryAttributes: Sendable {
    public let dataset: Dataset
    /// The ids of the countries that get a row.
    public let countries: [String]

    public init(dataset: Dataset, countries: [String]) {
        self.dataset = dataset
        self.countries = countries
    }

    /// The columns that are always there, in order, before the organization columns.
    public static let leadingColumns: [AttributeColumn] = [
        AttributeColumn("iso_a3", .text, "ISO 3166-1 alpha-3 code, the same as the feature id"),
        AttributeColumn("iso_a2", .text, "ISO 3166-1 alpha-2 code"),
        AttributeColumn("name", .text, "English short name"),
        AttributeColumn(
            "role", .text, "the country's part in the dataset: central asian state, focal state, outside actor, neighbour or other"),
        AttributeColumn("capital", .text, "the capital as the dataset names it"),
    ]

    /// The columns that are always there, in order, after the organization columns and before the indicators.
    public static let cooperationColumns: [AttributeColumn] = [
        AttributeColumn(
            "coop_areas", .text, "areas of cooperation the dataset records with the country as partner or recipient, joined with '; '")
    ]

    /// The columns that are always there, in order, after the indicators.
    public static let trailingColumns: [AttributeColumn] = [
        AttributeColumn("bases", .text, "military bases the dataset places in the country, by name, joined with '; '"),
        AttributeColumn("base_operator", .text, "ISO alpha-3 codes of the countries operating those bases, joined with '; '"),
        AttributeColumn("sources", .text, "ids of the sources of every row about the country, joined with '; '"),
    ]

    /// The separator of values joined into one text cell, the same as in the dataset's other text formats.
    public static let joiner = "; "

    /// Every column and every country's values, with the columns that cannot be flattened. Throws when two columns
    /// would get one name.
    public func table() throws(RegionKitError) -> AttributeTable {
        let included = Set(countries)
        var problems: [String: String] = [:]
        var columns = Self.leadingColumns
        var rows: [String: [String: AttributeValue]] = [:]
        let countryRows = Dictionary(dataset.countryRows.map { ($0.id, $0) }) { first, _ in first }
        for id in countries {
            guard let country = countryRows[id] else { continue }
            var row: [String: AttributeValue] = [
                "iso_a3": .text(country.id), "iso_a2": .text(country.alpha2), "name": .text(country.name),
                "role": .text(country.role),
            ]
            if let capital = country.capital { row["capital"] = .text(capital) }
            rows[id] = row
        }

        // Organizations: the current status and the year it began.
        let memberships = dataset.membershipRows.filter { included.contains($0.country) }
        for organization in dataset.organizationRows where memberships.contains(where: { $0.organization == organization.id }) {
            let stem = ColumnNaming.organizationStem(id: organization.id, abbreviation: organization.abbreviation)
            let label = organization.abbreviation ?? organization.name
            let status = AttributeColumn(stem + "_status", .text, "current status in \(label): the period with no end date")
            let since = AttributeColumn(stem + "_since", .integer, "the year that status began, where the dataset gives it")
            columns += [status, since]
            for id in countries {
                let periods = memberships.filter { $0.country == id && $0.organization == organization.id }
                let open = periods.filter { $0.to == nil }
                guard open.count <= 1 else {
                    let problem =
                        "cannot flatten \(status.name) for \(id): \(open.count) membership periods in \(organization.id) have no end "
                        + "(\(open.map(\.id).joined(separator: ", "))); give all but one a 'to' date, or leave the column out with properties="
                    problems[status.name] = problems[status.name] ?? problem
                    problems[since.name] = problems[since.name] ?? problem
                    continue
                }
                guard let current = open.first else { continue }
                rows[id]?[status.name] = .text(current.status)
                if let from = current.from { rows[id]?[since.name] = .integer(from.year) }
            }
        }

        columns += Self.cooperationColumns
        let areaOrder = Domains.cooperationArea.values
        for id in countries {
            let areas = Set(dataset.cooperationRows.filter { $0.country == id || $0.partner == id }.flatMap(\.areas))
            let ordered = areaOrder.filter(areas.contains) + areas.subtracting(areaOrder).sorted()
            if !ordered.isEmpty { rows[id]?["coop_areas"] = .text(ordered.joined(separator: Self.joiner)) }
        }

        // Indicators: one number per key, the unit in the column name.
        let indicators = dataset.indicatorRows.filter { included.contains($0.country) }
        var seenKeys: [String] = []
        for indicator in indicators where !seenKeys.contains(indicator.indicator) {
            seenKeys.append(indicator.indicator)
            let name = ColumnNaming.indicatorColumn(key: indicator.indicator, unit: indicator.unit)
            columns.append(AttributeColumn(name, .real, "\(indicator.indicator), in \(indicator.unit)"))
            for id in countries {
                let values = indicators.filter { $0.country == id && $0.indicator == indicator.indicator }
                guard values.count <= 1 else {
                    problems[name] =
                        problems[name] ?? "cannot flatten \(name) for \(id): the dataset has \(values.count) figures of "
                        + "\(indicator.indicator) (\(values.map(\.id).joined(separator: ", "))); leave the column out with properties="
                    continue
                }
                if let value = values.first?.value { rows[id]?[name] = .real(value) }
            }
        }

        columns += Self.trailingColumns
        for id in countries {
            let hosted = dataset.baseRows.filter { $0.host == id }
            if !hosted.isEmpty {
                rows[id]?["bases"] = .text(hosted.map(\.name).joined(separator: Self.joiner))
                rows[id]?["base_operator"] = .text(unique(hosted.map(\.operatorCountry)).joined(separator: Self.joiner))
            }
            let sources = sourceIDs(about: id)
            if !sources.isEmpty { rows[id]?["sources"] = .text(sources.joined(separator: Self.joiner)) }
        }

        var names: Set<String> = []
        for column in columns where !names.insert(column.name).inserted {
            throw RegionKitError(
                .unsupported,
                "cannot flatten: two columns would both be named '\(column.name)'; rename an organization's abbreviation or an indicator key"
            )
        }
        return AttributeTable(columns: columns, rows: rows, problems: problems)
    }

    /// The ids of the sources of every row about a country, in the order of the sources table.
    func sourceIDs(about id: String) -> [String] {
        var used: Set<String> = []
        for country in dataset.countryRows where country.id == id { used.insert(country.source) }
        for row in dataset.membershipRows where row.country == id { used.insert(row.source) }
        for row in dataset.cooperationRows where row.country == id || row.partner == id { used.insert(row.source) }
        for row in dataset.indicatorRows where row.country == id || row.partner == id { used.insert(row.source) }
        for row in dataset.eventRows where row.countries.contains(id) { used.insert(row.source) }
        for row in dataset.tradeRows where row.exporter == id || row.importer == id { used.insert(row.source) }
        for row in dataset.baseRows where row.host == id || row.operatorCountry == id { used.insert(row.source) }
        let order = dataset.sourceRows.map(\.id)
        return order.filter(used.contains) + used.subtracting(order).sorted()
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
