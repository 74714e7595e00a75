/// Makes country polygons RFC 7946 GeoJSON: cut at the antimeridian, rounded to a precision, cleaned of repeated
/// and collapsed rings, exterior rings counter-clockwise and holes clockwise, with their bounding box.
public struct GeometryNormalizer: Sendable {
    public var precision: CoordinatePrecision

    public init(precision: CoordinatePrecision = .standard) {
        self.precision = precision
    }

    /// The polygons ready to write, and their bounding box. Throws when nothing is left or a ring cannot be cut.
    public func normalize(_ polygons: [Polygon]) throws(GeometryError) -> (polygons: [Polygon], bbox: BoundingBox) {
        let cleaner = RingCleaner(precision: precision)
        var result: [Polygon] = []
        for polygon in polygons {
            for part in try AntimeridianSplitter.split(polygon) {
                guard let cleaned = cleaner.clean(part) else { continue }
                result.append(RingOrientation.rightHanded(cleaned))
            }
        }
        var builder = BoundingBox.Builder()
        for polygon in result { builder.add(polygon.exterior) }
        guard let box = builder.box else {
            throw GeometryError("no polygon is left at a precision of \(precision.decimals) decimals")
        }
        return (result, box)
    }
}
