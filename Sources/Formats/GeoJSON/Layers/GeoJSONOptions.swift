public import RegionKit

/// The export options the GeoJSON formats and the map understand, read from `--option key=value`.
public struct GeoJSONOptions: Sendable {
    /// The layers a GeoJSON export can write.
    public enum LayerKind: String, Sendable, CaseIterable {
        case countries, capitals, indicators

        /// The layers written when the request names none.
        public static let defaults: [LayerKind] = [.countries, .capitals]
    }

    /// `precision=N`: decimals kept in coordinates, 0…15 (default 6).
    public var precision: CoordinatePrecision
    /// `layer=countries,capitals,indicators`: the layers to write (default countries and capitals).
    public var layers: [LayerKind]
    /// `properties=a,b,c`: the columns of the country layer, in order (default: every column that has a value).
    public var properties: [String]?

    /// The options as the GeoJSON formats declare them, for `regionkit formats` and the option checks.
    public static let declared: [FormatOption] = [
        FormatOption(key: "precision", summary: "decimals kept in coordinates, 0 to 15", defaultValue: "6"),
        FormatOption(
            key: "layer",
            summary:
                "the layers to write, comma-separated: countries, capitals, indicators (a point per indicator row at its country's capital)",
            defaultValue: "countries,capitals"),
        FormatOption(key: "properties", summary: "the country columns to write, comma-separated, in order (default: every column)"),
        FormatOption(key: BoundaryLocator.option, summary: "another country polygon file (GeoJSON with iso_a3 properties)"),
    ]

    public init(precision: CoordinatePrecision = .standard, layers: [LayerKind] = LayerKind.defaults, properties: [String]? = nil) {
        self.precision = precision
        self.layers = layers
        self.properties = properties
    }

    /// Reads the options this format knows from a request; options of other formats are left alone.
    public init(_ options: [String: String]) throws(RegionKitError) {
        self.init()
        if let text = options["precision"] {
            guard let decimals = Int(text.trimmingSpaces) else {
                throw RegionKitError(
                    .invalidOption,
                    "precision=\(text): expected a whole number of decimals, \(CoordinatePrecision.allowed.lowerBound) to \(CoordinatePrecision.allowed.upperBound)"
                )
            }
            do {
                precision = try CoordinatePrecision(decimals: decimals)
            } catch {
                throw RegionKitError(.invalidOption, "precision=\(text): \(error.message)")
            }
        }
        if let text = options["layer"] {
            var chosen: [LayerKind] = []
            for name in Self.list(text) {
                guard let kind = LayerKind(rawValue: name) else {
                    let known = LayerKind.allCases.map(\.rawValue)
                    let hint = Suggestion.hint(for: name, in: known).map { " (\($0))" } ?? ""
                    throw RegionKitError(
                        .invalidOption, "layer=\(text): no layer '\(name)'\(hint); the layers are \(known.joined(separator: ", "))")
                }
                if !chosen.contains(kind) { chosen.append(kind) }
            }
            guard !chosen.isEmpty else { throw RegionKitError(.invalidOption, "layer=: name at least one layer") }
            layers = chosen
        }
        if let text = options["properties"] {
            let names = Self.list(text)
            guard !names.isEmpty else { throw RegionKitError(.invalidOption, "properties=: name at least one column") }
            properties = names
        }
    }

    /// The comma-separated items of an option value, trimmed, without empty ones.
    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
