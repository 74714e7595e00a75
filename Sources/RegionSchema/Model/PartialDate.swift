/// A calendar date known to the year, the month or the day: `2019`, `2019-07` or `2019-10-03`.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The precision a partial date is known to.
    public enum Precision: Int, Sendable, Hashable, Comparable {
        case year, month, day
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    /// The anchored regular expression (ECMA-262, as JSON Schema and Frictionless use it) of the ISO text of a
    /// partial date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. It checks the shape, not that the day exists.
    public static let regex = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"

    /// Creates a date, or returns nil when the month or day does not exist.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...PartialDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO 8601 forms `YYYY`, `YYYY-MM` and `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for (index, part) in parts.enumerated() {
            guard part.count == widths[index] else { return nil }
            var value = 0
            for byte in part {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            numbers.append(value)
        }
        self.init(
            year: numbers[0],
            month: numbers.count > 1 ? numbers[1] : nil,
            day: numbers.count > 2 ? numbers[2] : nil)
    }

    /// How precisely the date is known.
    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// The ISO 8601 text of the date, as precise as it is known.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    /// The first day the date may stand for, as (year, month, day).
    public var earliest: (year: Int, month: Int, day: Int) { (year, month ?? 1, day ?? 1) }

    /// The last day the date may stand for, as (year, month, day).
    public var latest: (year: Int, month: Int, day: Int) {
        let lastMonth = month ?? 12
        return (year, lastMonth, day ?? PartialDate.daysIn(month: lastMonth, year: year))
    }

    /// Orders dates by their first day, then by precision (the year `2019` before `2019-01`).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.earliest != rhs.earliest { return lhs.earliest < rhs.earliest }
        return lhs.precision < rhs.precision
    }

    /// Whether the interval from `self` to `other` can be non-empty: some day of `self` is on or before some day of `other`.
    public func mayPrecedeOrEqual(_ other: PartialDate) -> Bool {
        earliest <= other.latest
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
