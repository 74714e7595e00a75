public import RegionKit

/// Builds the country layer: one MultiPolygon feature per dataset country that has polygons, with the dataset's
/// facts as flat columns. Central Asian states and the focal state must have polygons; other countries without
/// one are left out.
public struct CountryLayer: Sendable {
    /// The roles whose countries must have polygons.
    public static let requiredRoles: Set<String> = ["central asian state", "focal state"]

    public let dataset: Dataset
    public let boundaries: BoundaryFile
    public let options: GeoJSONOptions

    public init(dataset: Dataset, boundaries: BoundaryFile, options: GeoJSONOptions) {
        self.dataset = dataset
        self.boundaries = boundaries
        self.options = options
    }

    /// The ids of the countries the layer holds, in dataset order; an error names a required country without polygons.
    public func countryIDs() throws(RegionKitError) -> [String] {
        var ids: [String] = []
        for country in dataset.countryRows {
            if boundaries.countries[country.id] != nil {
                ids.append(country.id)
            } else if Self.requiredRoles.contains(country.role) {
                throw RegionKitError(
                    .unsupported,
                    "\(country.id) (\(country.name), \(country.role)) has no polygon in \(boundaries.path); "
                        + "add its feature there (iso_a3 \(country.id)) or name another file with --option \(BoundaryLocator.option)=PATH")
            }
        }
        return ids
    }

    /// The attribute table of the layer's countries with the chosen columns; a chosen column that cannot be
    /// flattened is an error.
    public func attributes(for ids: [String]) throws(RegionKitError) -> AttributeTable {
        let table = try CountryAttributes(dataset: dataset, countries: ids).table()
        let chosen =
            try options.properties.map { names throws(RegionKitError) in try table.selecting(names, option: "properties") }
            ?? table.droppingEmpty(of: [.integer, .real])
        try chosen.checkFlattened()
        return chosen
    }

    /// The layer, its polygons cut at the antimeridian, rounded, cleaned and right-handed.
    public func make(datasetName: String) throws(RegionKitError) -> Layer {
        let ids = try countryIDs()
        let table = try attributes(for: ids)
        let normalizer = GeometryNormalizer(precision: options.precision)
        var features: [LayerFeature] = []
        for id in ids {
            let normalized: (polygons: [Polygon], bbox: BoundingBox)
            do {
                normalized = try normalizer.normalize(boundaries.countries[id] ?? [])
            } catch {
                throw RegionKitError(.unsupported, "\(boundaries.path): \(id): \(error.message)")
            }
            features.append(
                LayerFeature(
                    id: id, values: table.columns.map { table.value(id, $0.name) },
                    geometry: .multiPolygon(normalized.polygons), bbox: normalized.bbox))
        }
        return Layer(
            name: "countries",
            description: "Countries of the \(datasetName) dataset with its facts as flat columns; polygons: Made with Natural Earth.",
            columns: table.columns, features: features)
    }
}
