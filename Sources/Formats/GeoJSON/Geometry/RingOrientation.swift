/// The right-hand rule of RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise.
public enum RingOrientation {
    /// The polygon with its exterior turned counter-clockwise and its holes clockwise, where they were not.
    public static func rightHanded(_ polygon: Polygon) -> Polygon {
        Polygon(
            exterior: polygon.exterior.isCounterClockwise ? polygon.exterior : polygon.exterior.reversed(),
            holes: polygon.holes.map { $0.signedArea < 0 ? $0 : $0.reversed() })
    }

    /// Whether every ring of the polygon follows the rule.
    public static func isRightHanded(_ polygon: Polygon) -> Bool {
        polygon.exterior.signedArea > 0 && polygon.holes.allSatisfy { $0.signedArea < 0 }
    }
}
