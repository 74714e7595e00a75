import RegionSchema
import Testing

@testable import FormatXLSX

@Suite struct DateSerialTests {
    @Test func serialsOfThe1900SystemSkipThePhantomLeapDay() throws {
        let date = try #require(PartialDate(iso: "2019-10-03"))
        #expect(DateSerial.serial(of: date) == 43741)
        #expect(DateSerial.day(of: 43741, in: .base1900)?.date == date)
        #expect(DateSerial.day(of: 1, in: .base1900)?.date == PartialDate(iso: "1900-01-01"))
        #expect(DateSerial.day(of: 59, in: .base1900)?.date == PartialDate(iso: "1900-02-28"))
        #expect(DateSerial.day(of: 60, in: .base1900) == nil)
        #expect(DateSerial.day(of: 61, in: .base1900)?.date == PartialDate(iso: "1900-03-01"))
        #expect(DateSerial.serial(of: try #require(PartialDate(iso: "2019"))) == nil)
    }

    @Test func serialsOfThe1904System() throws {
        #expect(DateSerial.day(of: 0, in: .base1904)?.date == PartialDate(iso: "1904-01-01"))
        #expect(DateSerial.day(of: 42279, in: .base1904)?.date == PartialDate(iso: "2019-10-03"))
        #expect(DateSerial.day(of: 43741.5, in: .base1900)?.fraction == 0.5)
    }
}
