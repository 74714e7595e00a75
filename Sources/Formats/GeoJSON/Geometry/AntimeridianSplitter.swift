/// Cuts polygons that cross the antimeridian into parts that stay within longitudes −180…180 (RFC 7946 §3.1.9).
///
/// A segment whose ends are more than 180° of longitude apart is read as crossing the antimeridian. Each ring is
/// first made continuous (longitudes past ±180 allowed), then the polygon is cut along the one meridian ±180 + 360k
/// it straddles, and each part is moved back into −180…180. Parts on one side that the cut separates become
/// separate polygons; holes go with the part that contains them.
public enum AntimeridianSplitter {
    /// The parts of `polygon`, each within −180…180: the polygon itself (moved into range) when it crosses nothing.
    public static func split(_ polygon: Polygon) throws(GeometryError) -> [Polygon] {
        var exterior = try unwrapped(polygon.exterior, near: nil)
        if exterior.signedArea < 0 { exterior = exterior.reversed() }
        let longitudes = exterior.positions.map(\.longitude)
        guard let west = longitudes.min(), let east = longitudes.max() else { return [] }
        let holes = try polygon.holes.map { hole throws(GeometryError) in try unwrapped(hole, near: (west + east) / 2) }

        // The meridian ±180 + 360k strictly inside the ring's span, if any (a span under 360° holds at most one).
        let turns = ((east - 180) / 360).rounded(.up)
        let cut = 180 + 360 * (turns - 1)
        guard west < cut else {
            return [Polygon(exterior: exterior, holes: holes).shifted(by: -360 * turns)]
        }

        let westParts = pieces(of: exterior, cut: cut, side: .west)
        let eastParts = pieces(of: exterior, cut: cut, side: .east)
        var westPolygons = westParts.map { Polygon(exterior: $0) }
        var eastPolygons = eastParts.map { Polygon(exterior: $0) }
        for hole in holes {
            let span = hole.positions.map(\.longitude)
            guard let holeWest = span.min(), let holeEast = span.max() else { continue }
            if holeWest < cut && cut < holeEast {
                throw GeometryError("a hole crosses the antimeridian; such polygons are not supported")
            }
            let probe = hole.positions.first { $0.longitude != cut } ?? hole.positions[0]
            if holeEast <= cut {
                guard let index = westPolygons.firstIndex(where: { $0.exterior.contains(probe) }) else { continue }
                westPolygons[index].holes.append(hole)
            } else {
                guard let index = eastPolygons.firstIndex(where: { $0.exterior.contains(probe) }) else { continue }
                eastPolygons[index].holes.append(hole)
            }
        }
        return westPolygons.map { $0.shifted(by: 180 - cut) } + eastPolygons.map { $0.shifted(by: -180 - cut) }
    }

    /// Whether any segment of the ring jumps more than 180° of longitude, that is, crosses the antimeridian.
    public static func crosses(_ ring: LinearRing) -> Bool {
        zip(ring.positions, ring.positions.dropFirst()).contains { abs($1.longitude - $0.longitude) > 180 }
    }

    enum Side { case west, east }

    /// The ring with continuous longitudes: each step is taken the short way round. With `near`, the whole ring is
    /// moved by a multiple of 360° so that its middle is closest to that longitude.
    static func unwrapped(_ ring: LinearRing, near reference: Double?) throws(GeometryError) -> LinearRing {
        guard var previous = ring.positions.first else { return ring }
        var positions = [previous]
        for position in ring.positions.dropFirst() {
            let raw = position.longitude - previous.longitude
            var step = raw - 360 * (raw / 360).rounded()
            if abs(step) == 180 { step = raw > 0 ? 180 : -180 }
            let next = Position(previous.longitude + step, position.latitude)
            positions.append(next)
            previous = next
        }
        if let first = positions.first, let last = positions.last, ring.isClosed, abs(last.longitude - first.longitude) > 1e-9 {
            throw GeometryError("a ring goes all the way round the globe (it encircles a pole); such rings are not supported")
        }
        var result = LinearRing(positions)
        if let reference, let west = positions.map(\.longitude).min(), let east = positions.map(\.longitude).max() {
            result = result.shifted(by: -360 * (((west + east) / 2 - reference) / 360).rounded())
        }
        return result
    }

    /// The closed rings of the part of a counter-clockwise ring on one side of the meridian `cut`.
    static func pieces(of ring: LinearRing, cut: Double, side: Side) -> [LinearRing] {
        let points = crossingsInserted(ring.positions, cut: cut)
        func isOther(_ position: Position) -> Bool {
            side == .west ? position.longitude > cut : position.longitude < cut
        }
        func isOwn(_ position: Position) -> Bool {
            side == .west ? position.longitude < cut : position.longitude > cut
        }
        guard points.contains(where: isOwn) else { return [] }
        guard let start = points.firstIndex(where: isOther) else { return [LinearRing(points).closed()] }

        // Chains: maximal runs of own-side or on-the-cut points that hold at least one own-side point. Each begins
        // and ends on the cut, where it enters and leaves this side.
        var chains: [[Position]] = []
        var current: [Position] = []
        for offset in 1...points.count {
            let point = points[(start + offset) % points.count]
            if isOther(point) {
                if current.contains(where: isOwn) { chains.append(current) }
                current = []
            } else {
                current.append(point)
            }
        }
        if current.contains(where: isOwn) { chains.append(current) }

        // Close each part along the cut. With the interior on the left of a counter-clockwise ring, the eastern
        // part closes southwards from where a chain leaves to where the next one enters, the western part northwards.
        var unused = Set(chains.indices)
        var rings: [LinearRing] = []
        while let first = unused.min() {
            unused.remove(first)
            var ring = chains[first]
            var exit = chains[first].last?.latitude ?? 0
            while true {
                let candidates = (Array(unused) + [first]).filter { index in
                    let entry = chains[index].first?.latitude ?? 0
                    return side == .east ? entry <= exit : entry >= exit
                }
                let next = candidates.min { a, b in
                    let entryA = chains[a].first?.latitude ?? 0
                    let entryB = chains[b].first?.latitude ?? 0
                    return abs(entryA - exit) < abs(entryB - exit) || (abs(entryA - exit) == abs(entryB - exit) && a == first)
                }
                guard let next, next != first else { break }
                unused.remove(next)
                ring += chains[next]
                exit = chains[next].last?.latitude ?? 0
            }
            rings.append(LinearRing(ring).closed())
        }
        return rings
    }

    /// The positions of a closed ring, without its closing repeat, with a point inserted on `cut` wherever a segment
    /// passes from one side to the other.
    static func crossingsInserted(_ positions: [Position], cut: Double) -> [Position] {
        var open = positions
        if open.count > 1, open.first == open.last { open.removeLast() }
        var result: [Position] = []
        for (index, current) in open.enumerated() {
            result.append(current)
            let next = open[(index + 1) % open.count]
            if (current.longitude < cut && next.longitude > cut) || (current.longitude > cut && next.longitude < cut) {
                let t = (cut - current.longitude) / (next.longitude - current.longitude)
                result.append(Position(cut, current.latitude + t * (next.latitude - current.latitude)))
            }
        }
        return result
    }
}
