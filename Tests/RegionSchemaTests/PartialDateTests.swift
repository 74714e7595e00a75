import Testing

@testable import RegionSchema

@Suite struct PartialDateTests {
    @Test(arguments: ["2019", "2019-07", "2019-10-03", "2000-02-29", "0001"])
    func readsAndWritesISOForms(_ text: String) throws {
        let date = try #require(PartialDate(iso: text))
        #expect(date.description == text)
    }

    @Test(arguments: [
        "19", "2019-7", "2019-13", "2019-00", "2019-02-30", "1900-02-29", "2019-10-3", "2019/10", "", "2019-", "abcd", "0000",
        "2019-10-03T00",
    ])
    func refusesOtherForms(_ text: String) {
        #expect(PartialDate(iso: text) == nil)
    }

    @Test func precisionFollowsTheForm() throws {
        #expect(try #require(PartialDate(iso: "2019")).precision == .year)
        #expect(try #require(PartialDate(iso: "2019-07")).precision == .month)
        #expect(try #require(PartialDate(iso: "2019-07-01")).precision == .day)
    }

    @Test func periodsCompareByTheirPossibleDays() throws {
        let year = try #require(PartialDate(iso: "2005"))
        let sameYearLater = try #require(PartialDate(iso: "2005-06"))
        let earlier = try #require(PartialDate(iso: "1999"))
        #expect(year.mayPrecedeOrEqual(year))
        #expect(sameYearLater.mayPrecedeOrEqual(year))
        #expect(year.mayPrecedeOrEqual(sameYearLater))
        #expect(!year.mayPrecedeOrEqual(earlier))
        #expect(earlier < year)
        #expect(year < sameYearLater)
    }
}
