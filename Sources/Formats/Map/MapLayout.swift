public import FormatGeoJSON

/// Where things go on the map: the page size, the map's frame around the five Central Asian states, and the
/// conversion from longitude and latitude to SVG pixels.
public struct MapLayout: Sendable {
    /// The page width, in pixels.
    public static let width = 960.0
    /// The width of the map's frame; the legend sits to its right.
    public static let mapWidth = 720.0
    /// The height of the title band above the map.
    public static let headerHeight = 64.0
    /// The height of the credit band below the map.
    public static let footerHeight = 44.0
    /// The share of the frame added around the focus countries on every side.
    public static let padding = 0.06

    public let projection: MapProjection
    /// The projected bounds shown, in projection units.
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    let scale: Double
    /// The height of the map's frame.
    public let mapHeight: Double

    /// A layout that frames `focus` (the five states' polygons) with some room around them.
    public init(projection: MapProjection, focus: [Polygon]) {
        self.projection = projection
        var xs: [Double] = []
        var ys: [Double] = []
        for polygon in focus {
            for position in polygon.exterior.positions {
                let point = projection.project(position)
                xs.append(point.x)
                ys.append(point.y)
            }
        }
        var minX = xs.min() ?? -0.5, maxX = xs.max() ?? 0.5
        var minY = ys.min() ?? -0.3, maxY = ys.max() ?? 0.3
        let padX = (maxX - minX) * Self.padding, padY = (maxY - minY) * Self.padding
        minX -= padX
        maxX += padX
        minY -= padY
        maxY += padY
        self.minX = minX
        self.maxX = maxX
        self.minY = minY
        self.maxY = maxY
        scale = Self.mapWidth / (maxX - minX)
        mapHeight = ((maxY - minY) * scale).rounded()
    }

    /// The page height, in pixels.
    public var height: Double { Self.headerHeight + mapHeight + Self.footerHeight }

    /// The SVG pixel of a position (which may lie outside the frame).
    public func pixel(_ position: Position) -> MapPoint {
        let point = projection.project(position)
        return MapPoint(x: (point.x - minX) * scale, y: Self.headerHeight + (maxY - point.y) * scale)
    }

    /// The clipper for the map's frame.
    public var clipper: PolygonClipper {
        PolygonClipper(minX: 0, minY: Self.headerHeight, maxX: Self.mapWidth, maxY: Self.headerHeight + mapHeight)
    }
}
