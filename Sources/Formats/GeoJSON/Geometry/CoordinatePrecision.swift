/// How many decimals of a degree coordinates keep: 6 (about 10 cm) by default, 0 to 15.
public struct CoordinatePrecision: Sendable, Hashable {
    /// The decimals kept, 0…15.
    public let decimals: Int

    /// The range of decimals RegionKit accepts: beyond 15 a `Double` holds no more.
    public static let allowed = 0...15
    /// Six decimals, about 10 cm on the ground, as RFC 7946 §11.2 suggests.
    public static let standard = CoordinatePrecision(uncheckedDecimals: 6)

    /// A precision, or an error naming the allowed range.
    public init(decimals: Int) throws(GeometryError) {
        guard Self.allowed.contains(decimals) else {
            throw GeometryError(
                "precision \(decimals) is out of range; use \(Self.allowed.lowerBound) to \(Self.allowed.upperBound) decimals")
        }
        self.decimals = decimals
    }

    private init(uncheckedDecimals: Int) {
        decimals = uncheckedDecimals
    }

    private var scale: Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return scale
    }

    /// The value rounded to the precision (halves away from zero).
    public func round(_ value: Double) -> Double {
        let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        return rounded == 0 ? 0 : rounded
    }

    /// The position rounded to the precision.
    public func round(_ position: Position) -> Position {
        Position(round(position.longitude), round(position.latitude))
    }

    /// The shortest decimal text of a value rounded to the precision: no exponent, no trailing zeros (`71.427774`, `-180`).
    public func text(_ value: Double) -> String {
        let units = Int64((value * scale).rounded(.toNearestOrAwayFromZero))
        let whole = units.magnitude / UInt64(scale)
        var fraction = units.magnitude % UInt64(scale)
        var digits = decimals
        while digits > 0 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var text = (units < 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}
