/// Clips rings in map coordinates to the map's rectangle (Sutherland–Hodgman), so that countries reaching far
/// beyond the frame, such as Russia, are drawn only where they show.
public struct PolygonClipper: Sendable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The part of a closed ring inside the rectangle, or nil when nothing of it is inside.
    public func clip(_ ring: [MapPoint]) -> [MapPoint]? {
        var points = ring
        if points.count > 1, points.first == points.last { points.removeLast() }
        points = clip(points, inside: { $0.x >= minX }, cross: { a, b in intersectX(a, b, minX) })
        points = clip(points, inside: { $0.x <= maxX }, cross: { a, b in intersectX(a, b, maxX) })
        points = clip(points, inside: { $0.y >= minY }, cross: { a, b in intersectY(a, b, minY) })
        points = clip(points, inside: { $0.y <= maxY }, cross: { a, b in intersectY(a, b, maxY) })
        return points.count >= 3 ? points : nil
    }

    private func clip(_ points: [MapPoint], inside: (MapPoint) -> Bool, cross: (MapPoint, MapPoint) -> MapPoint) -> [MapPoint] {
        guard let last = points.last else { return [] }
        var result: [MapPoint] = []
        var previous = last
        for current in points {
            if inside(current) {
                if !inside(previous) { result.append(cross(previous, current)) }
                result.append(current)
            } else if inside(previous) {
                result.append(cross(previous, current))
            }
            previous = current
        }
        return result
    }

    private func intersectX(_ a: MapPoint, _ b: MapPoint, _ x: Double) -> MapPoint {
        let t = (x - a.x) / (b.x - a.x)
        return MapPoint(x: x, y: a.y + t * (b.y - a.y))
    }

    private func intersectY(_ a: MapPoint, _ b: MapPoint, _ y: Double) -> MapPoint {
        let t = (y - a.y) / (b.y - a.y)
        return MapPoint(x: a.x + t * (b.x - a.x), y: y)
    }
}

/// A point on the map, in SVG pixels: x to the right, y down.
public struct MapPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
