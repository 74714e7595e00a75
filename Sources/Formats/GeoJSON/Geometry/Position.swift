/// A WGS 84 position: longitude then latitude, in degrees, as GeoJSON orders them.
public struct Position: Sendable, Hashable, CustomStringConvertible {
    public var longitude: Double
    public var latitude: Double

    public init(_ longitude: Double, _ latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// `[longitude, latitude]`.
    public var description: String { "[\(longitude), \(latitude)]" }

    /// The same position moved east by `degrees` of longitude.
    func shifted(by degrees: Double) -> Position {
        Position(longitude + degrees, latitude)
    }
}
