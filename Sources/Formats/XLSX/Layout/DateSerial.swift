import RegionSchema

/// Excel's date serial numbers: days since the workbook's epoch, in the 1900 or the 1904 date system.
enum DateSerial {
    /// The date system of a workbook (`workbookPr date1904`).
    enum System: Sendable {
        /// Day 1 is 1900-01-01, and day 60 is the 29 February 1900 that never was (kept for Lotus 1-2-3).
        case base1900
        /// Day 0 is 1904-01-01.
        case base1904
    }

    /// A calendar day and the time of day, as a fraction, that a serial stands for.
    struct Day: Equatable {
        let date: PartialDate
        /// The fraction of the day past midnight; 0 for a plain date.
        let fraction: Double
    }

    /// The serial of a day in the 1900 system, or nil for a date that is not known to the day or is before 1900-03-01.
    static func serial(of date: PartialDate) -> Double? {
        guard let month = date.month, let day = date.day else { return nil }
        let days = daysFromCivil(date.year, month, day) - daysFromCivil(1899, 12, 30)
        return days >= 61 ? Double(days) : nil
    }

    /// The day a serial stands for, or nil when it is negative, the phantom 1900-02-29, or past the year 9999.
    static func day(of serial: Double, in system: System) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = serial.rounded(.down)
        let fraction = serial - whole
        var days = Int(whole)
        let epoch: Int
        switch system {
        case .base1904:
            epoch = daysFromCivil(1904, 1, 1)
        case .base1900:
            guard days != 60, days != 0 else { return nil }
            if days > 60 { days -= 1 }
            epoch = daysFromCivil(1899, 12, 31)
        }
        let (year, month, day) = civilFromDays(epoch + days)
        guard let date = PartialDate(year: year, month: month, day: day) else { return nil }
        return Day(date: date, fraction: fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a count of days since 1970-01-01.
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
