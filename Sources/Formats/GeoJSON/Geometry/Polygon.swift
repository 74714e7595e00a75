/// A polygon: one exterior ring and any number of holes.
public struct Polygon: Sendable, Hashable {
    public var exterior: LinearRing
    public var holes: [LinearRing]

    public init(exterior: LinearRing, holes: [LinearRing] = []) {
        self.exterior = exterior
        self.holes = holes
    }

    /// The exterior ring followed by the holes, as GeoJSON lists them.
    public var rings: [LinearRing] { [exterior] + holes }

    /// The polygon moved east by `degrees` of longitude.
    func shifted(by degrees: Double) -> Polygon {
        Polygon(exterior: exterior.shifted(by: degrees), holes: holes.map { $0.shifted(by: degrees) })
    }
}
