/// A closed line of positions bounding an area: the exterior of a polygon or one of its holes.
public struct LinearRing: Sendable, Hashable {
    /// The positions in order; a closed ring repeats its first position at the end.
    public var positions: [Position]

    public init(_ positions: [Position]) {
        self.positions = positions
    }

    /// Whether the last position equals the first.
    public var isClosed: Bool {
        guard let first = positions.first, let last = positions.last else { return false }
        return first == last
    }

    /// The area enclosed in the longitude–latitude plane, positive when the ring runs
    /// counter-clockwise (the shoelace formula, over the closed ring).
    public var signedArea: Double {
        guard positions.count >= 3 else { return 0 }
        var sum = 0.0
        for index in positions.indices {
            let current = positions[index]
            let next = positions[(index + 1) % positions.count]
            sum += current.longitude * next.latitude - next.longitude * current.latitude
        }
        return sum / 2
    }

    /// Whether the ring runs counter-clockwise, as RFC 7946 wants of an exterior ring.
    public var isCounterClockwise: Bool { signedArea > 0 }

    /// The ring run the other way.
    public func reversed() -> LinearRing {
        LinearRing(positions.reversed())
    }

    /// The ring closed: its first position appended when the last differs.
    public func closed() -> LinearRing {
        guard let first = positions.first, !isClosed else { return self }
        return LinearRing(positions + [first])
    }

    /// The ring moved east by `degrees` of longitude.
    func shifted(by degrees: Double) -> LinearRing {
        degrees == 0 ? self : LinearRing(positions.map { $0.shifted(by: degrees) })
    }

    /// Whether `point` lies inside the ring (even–odd rule in the longitude–latitude plane).
    public func contains(_ point: Position) -> Bool {
        var inside = false
        var previous = positions.last ?? point
        for current in positions {
            if (current.latitude > point.latitude) != (previous.latitude > point.latitude) {
                let t = (point.latitude - current.latitude) / (previous.latitude - current.latitude)
                let longitude = current.longitude + t * (previous.longitude - current.longitude)
                if point.longitude < longitude { inside.toggle() }
            }
            previous = current
        }
        return inside
    }
}
