/// The longitudes a geometry covers, as intervals within −180…180, and the narrowest west–east span that holds
/// them all, which crosses the antimeridian when the widest uncovered gap does not (RFC 7946 §5.2).
public struct LongitudeCoverage: Sendable, Hashable {
    /// The covered intervals, merged and sorted from west to east.
    public private(set) var intervals: [ClosedRange<Double>] = []

    public init() {}

    /// Adds the longitudes from `west` to `east` (with `west` ≤ `east`).
    public mutating func add(_ west: Double, _ east: Double) {
        var merged = min(west, east)...max(west, east)
        var kept: [ClosedRange<Double>] = []
        for interval in intervals {
            if interval.overlaps(merged) {
                merged = min(interval.lowerBound, merged.lowerBound)...max(interval.upperBound, merged.upperBound)
            } else {
                kept.append(interval)
            }
        }
        kept.append(merged)
        intervals = kept.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Adds everything another coverage holds.
    public mutating func add(_ other: LongitudeCoverage) {
        for interval in other.intervals { add(interval.lowerBound, interval.upperBound) }
    }

    /// The west and east edges of the narrowest span covering every interval: west > east when the span crosses
    /// the antimeridian. Nil when nothing was added.
    public var span: (west: Double, east: Double)? {
        guard let first = intervals.first, let last = intervals.last else { return nil }
        // The gap across the antimeridian, from the easternmost edge round to the westernmost.
        var widestGap = (first.lowerBound + 360) - last.upperBound
        var span = (west: first.lowerBound, east: last.upperBound)
        for (before, after) in zip(intervals, intervals.dropFirst()) {
            let gap = after.lowerBound - before.upperBound
            if gap > widestGap {
                widestGap = gap
                span = (west: after.lowerBound, east: before.upperBound)
            }
        }
        return span
    }

    /// Whether a longitude lies within the span `west`…`east` (which crosses the antimeridian when west > east).
    public static func span(_ west: Double, _ east: Double, contains longitude: Double) -> Bool {
        west <= east ? (west...east).contains(longitude) : (longitude >= west || longitude <= east)
    }
}
