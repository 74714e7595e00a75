/// A GeoJSON `bbox`: west, south, east, north, where west > east means the box crosses the antimeridian.
public struct BoundingBox: Sendable, Hashable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// Whether the box crosses the antimeridian.
    public var crossesAntimeridian: Bool { west > east }

    /// The four numbers in GeoJSON order.
    public var values: [Double] { [west, south, east, north] }

    /// Whether a position lies in the box.
    public func contains(_ position: Position) -> Bool {
        (south...north).contains(position.latitude) && LongitudeCoverage.span(west, east, contains: position.longitude)
    }

    /// The smallest box holding every position, crossing the antimeridian where that is narrower; nil for none.
    public static func enclosing(_ positions: some Sequence<Position>) -> BoundingBox? {
        var builder = Builder()
        for position in positions { builder.add(position) }
        return builder.box
    }

    /// Collects positions and rings, then gives the box of everything added.
    public struct Builder: Sendable {
        private var coverage = LongitudeCoverage()
        private var south = Double.infinity
        private var north = -Double.infinity

        public init() {}

        public mutating func add(_ position: Position) {
            coverage.add(position.longitude, position.longitude)
            south = min(south, position.latitude)
            north = max(north, position.latitude)
        }

        /// Adds a ring as one interval of longitudes: rings within −180…180 cover their whole span.
        public mutating func add(_ ring: LinearRing) {
            let longitudes = ring.positions.map(\.longitude)
            guard let west = longitudes.min(), let east = longitudes.max() else { return }
            coverage.add(west, east)
            for position in ring.positions {
                south = min(south, position.latitude)
                north = max(north, position.latitude)
            }
        }

        public mutating func add(_ box: BoundingBox) {
            if box.crossesAntimeridian {
                coverage.add(box.west, 180)
                coverage.add(-180, box.east)
            } else {
                coverage.add(box.west, box.east)
            }
            south = min(south, box.south)
            north = max(north, box.north)
        }

        public var box: BoundingBox? {
            guard let span = coverage.span, south <= north else { return nil }
            return BoundingBox(west: span.west, south: south, east: span.east, north: north)
        }
    }
}
