/// Rounds a polygon's rings to a precision and makes each a valid RFC 7946 linear ring: no repeated consecutive
/// positions, closed, at least four positions and a non-zero area. Rings that collapse are dropped; a polygon whose
/// exterior collapses is dropped whole.
public struct RingCleaner: Sendable {
    public var precision: CoordinatePrecision

    public init(precision: CoordinatePrecision) {
        self.precision = precision
    }

    /// The ring rounded and cleaned, or nil when it collapses.
    public func clean(_ ring: LinearRing) -> LinearRing? {
        var positions: [Position] = []
        positions.reserveCapacity(ring.positions.count + 1)
        for position in ring.positions {
            let rounded = precision.round(position)
            if positions.last != rounded { positions.append(rounded) }
        }
        while positions.count > 1, positions.first == positions.last { positions.removeLast() }
        guard positions.count >= 3 else { return nil }
        let cleaned = LinearRing(positions).closed()
        return cleaned.signedArea == 0 ? nil : cleaned
    }

    /// The polygon with every ring cleaned, or nil when its exterior collapses.
    public func clean(_ polygon: Polygon) -> Polygon? {
        guard let exterior = clean(polygon.exterior) else { return nil }
        return Polygon(exterior: exterior, holes: polygon.holes.compactMap(clean))
    }
}
