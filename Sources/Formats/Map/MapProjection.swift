public import FormatGeoJSON
import Foundation

/// A conic projection that keeps Central Asia undistorted: Albers equal-area (areas true, the default) or the
/// plain equidistant conic (distances along meridians true), on a sphere, with standard parallels 38.5°N and 52°N
/// and central meridian 67°E, chosen for the five states between about 35°N and 56°N.
public struct MapProjection: Sendable, Hashable {
    /// The projections a map can use.
    public enum Kind: String, Sendable, CaseIterable {
        /// Albers equal-area conic.
        case albers
        /// Equidistant conic.
        case conic
    }

    public let kind: Kind
    public let centralMeridian: Double
    public let standardParallels: (Double, Double)
    public let originLatitude: Double

    public init(_ kind: Kind, centralMeridian: Double = 67, standardParallels: (Double, Double) = (38.5, 52), originLatitude: Double = 45) {
        self.kind = kind
        self.centralMeridian = centralMeridian
        self.standardParallels = standardParallels
        self.originLatitude = originLatitude
    }

    public static func == (lhs: MapProjection, rhs: MapProjection) -> Bool {
        lhs.kind == rhs.kind && lhs.centralMeridian == rhs.centralMeridian && lhs.standardParallels == rhs.standardParallels
            && lhs.originLatitude == rhs.originLatitude
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(centralMeridian)
        hasher.combine(standardParallels.0)
        hasher.combine(standardParallels.1)
        hasher.combine(originLatitude)
    }

    /// How the map's credit line names the projection.
    public var description: String {
        let name = kind == .albers ? "Albers equal-area conic" : "equidistant conic"
        return "\(name), standard parallels \(Self.degrees(standardParallels.0))°N and \(Self.degrees(standardParallels.1))°N, "
            + "central meridian \(Self.degrees(centralMeridian))°E"
    }

    /// The projected point on a unit sphere: x east, y north.
    public func project(_ position: Position) -> (x: Double, y: Double) {
        let radians = Double.pi / 180
        let phi = position.latitude * radians
        let phi0 = originLatitude * radians
        let phi1 = standardParallels.0 * radians
        let phi2 = standardParallels.1 * radians
        var delta = position.longitude - centralMeridian
        delta -= 360 * (delta / 360).rounded()
        let lambda = delta * radians
        let rho: Double
        let rho0: Double
        let n: Double
        switch kind {
        case .albers:
            n = (sin(phi1) + sin(phi2)) / 2
            let c = cos(phi1) * cos(phi1) + 2 * n * sin(phi1)
            rho = (max(0, c - 2 * n * sin(phi))).squareRoot() / n
            rho0 = (max(0, c - 2 * n * sin(phi0))).squareRoot() / n
        case .conic:
            n = (cos(phi1) - cos(phi2)) / (phi2 - phi1)
            let g = cos(phi1) / n + phi1
            rho = g - phi
            rho0 = g - phi0
        }
        let theta = n * lambda
        return (rho * sin(theta), rho0 - rho * cos(theta))
    }

    static func degrees(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
