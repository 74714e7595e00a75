import RegionSchema

/// The numbers an Excel cell holds: zero, and magnitudes from 2.2250738585072014E-308 (the smallest normal double)
/// to 9.99999999999999E+307 (Excel's specifications and limits). A double outside that range, a subnormal such as
/// 5e-324 or one of 10^308 or more, would be read by Excel as 0 or not at all; written with libxlsxwriter's 16
/// significant digits, the largest doubles round past the largest double (`1.797693134862316E+308`) and no reader
/// takes them for a number.
enum ExcelNumbers {
    /// The largest magnitude a cell holds.
    static let largest = 9.99999999999999e307
    /// The smallest magnitude other than zero a cell holds.
    static let smallest = Double.leastNormalMagnitude

    /// Whether a cell holds `number` as it is.
    static func holds(_ number: Double) -> Bool {
        number == 0 || (smallest...largest).contains(abs(number))
    }

    /// Why a cell cannot hold `number`, for the export error.
    static func reason(_ number: Double) -> String {
        "the number \(Value.format(number)) is outside what an Excel cell holds (0, or from \(Value.format(smallest)) to \(Value.format(largest)) either side of it), so nothing was written. Round it into that range, or export the other formats (--format)."
    }
}
