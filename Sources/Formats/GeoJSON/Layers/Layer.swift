/// One layer to write: features that share a geometry type and a set of flat attribute columns.
public struct Layer: Sendable {
    /// The layer's name inside the file (GDAL and QGIS show it as the layer name).
    public var name: String
    /// One sentence about the layer (GDAL shows it as the layer's DESCRIPTION).
    public var description: String
    /// The attribute columns, in order.
    public var columns: [AttributeColumn]
    public var features: [LayerFeature]

    public init(name: String, description: String, columns: [AttributeColumn], features: [LayerFeature]) {
        self.name = name
        self.description = description
        self.columns = columns
        self.features = features
    }

    /// The box around every feature, crossing the antimeridian where that is narrower.
    public var bbox: BoundingBox? {
        var builder = BoundingBox.Builder()
        for feature in features {
            switch feature.geometry {
            case .multiPolygon(let polygons): polygons.forEach { builder.add($0.exterior) }
            case .point(let position): builder.add(position)
            }
        }
        return builder.box
    }
}

/// A feature of a layer: its id, its values in column order, its geometry and, for polygons, its box.
public struct LayerFeature: Sendable {
    public var id: String
    /// The values, in the layer's column order.
    public var values: [AttributeValue]
    public var geometry: LayerGeometry
    /// The feature's own `bbox`, written for polygons.
    public var bbox: BoundingBox?

    public init(id: String, values: [AttributeValue], geometry: LayerGeometry, bbox: BoundingBox?) {
        self.id = id
        self.values = values
        self.geometry = geometry
        self.bbox = bbox
    }
}

/// The geometry of a layer feature.
public enum LayerGeometry: Sendable {
    /// Polygons, written as a MultiPolygon so that every feature of a country layer has one geometry type.
    case multiPolygon([Polygon])
    case point(Position)
}
