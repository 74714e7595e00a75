public import RegionKitFormats

/// A one-page Markdown brief of a dataset: for each Central Asian state, its memberships, its cooperation with
/// Russia by sector, and its figures, each with the source's own words.
public struct MarkdownBriefFormat: DatasetExporter {
    public static let id = "markdown"

    public init() {}

    public var descriptor: FormatDescriptor {
        FormatDescriptor(
            id: Self.id, name: "Markdown brief",
            summary: "A one-page Markdown brief: memberships, cooperation and figures per Central Asian state.",
            fileExtensions: ["md"], capabilities: [.export],
            options: [FormatOption(key: "title", summary: "the brief's heading (default: the dataset's name)")])
    }

    public func export(_ request: ExportRequest, to output: ExportOutput) throws(RegionKitError) {
        try output.write(Self.brief(of: request.dataset, title: request.options["title"] ?? request.name), named: "\(request.name).md")
    }

    /// The brief's Markdown text.
    public static func brief(of dataset: Dataset, title: String) -> String {
        let organizations = Dictionary(dataset.organizationRows.map { ($0.id, $0.abbreviation ?? $0.name) }) { first, _ in first }
        var lines = ["# \(title)", ""]
        for source in dataset.sourceRows {
            lines.append("Source: \(source.author), *\(source.title)*, \(source.publisher), \(source.published?.description ?? "undated").")
        }
        for country in dataset.countryRows where country.role == "central asian state" {
            lines += ["", "## \(country.name)", ""]
            for membership in dataset.membershipRows where membership.country == country.id {
                let name = organizations[membership.organization] ?? membership.organization
                if membership.from == nil && membership.to == nil {
                    lines.append("- \(name): \(membership.status)")
                } else {
                    lines.append("- \(name): \(membership.status) (\(membership.from?.description ?? "…")–\(membership.to?.description ?? ""))")
                }
            }
            let areas = Set(dataset.cooperationRows.filter { $0.country == country.id }.flatMap(\.areas)).sorted()
            if !areas.isEmpty { lines.append("- Cooperation: \(areas.joined(separator: ", "))") }
            for figure in dataset.indicatorRows where figure.country == country.id {
                let value = figure.value.map(Value.format) ?? "n/a"
                let qualifier = figure.qualifier.map { "\($0) " } ?? ""
                lines.append("- \(figure.indicator): \(qualifier)\(value) \(figure.unit) — “\(figure.quote)”")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
