import Testing

@testable import RegionSchema

@Suite struct ParallelWorkTests {
    /// Results come back in index order, however the calls were spread over threads and whichever finished first.
    @Test func mapKeepsIndexOrder() {
        let results = ParallelWork.map(200) { index in
            // Uneven work, so that calls finish out of order.
            var sum = 0
            for step in 0..<((200 - index) * 500) { sum &+= step }
            return (index, sum)
        }
        #expect(results.map(\.0) == Array(0..<200))
        #expect(ParallelWork.map(0) { $0 } == [])
    }

    @Test func bothReturnsEachResult() {
        let (text, number) = ParallelWork.both({ "first" }, { 2 })
        #expect(text == "first")
        #expect(number == 2)
    }
}

@Suite struct BackgroundWorkTests {
    @Test func waitReturnsTheResultEveryTime() {
        let work = BackgroundWork {
            var sum = 0
            for step in 0..<100_000 { sum &+= step }
            return sum
        }
        #expect(work.wait() == 4_999_950_000)
        #expect(work.wait() == 4_999_950_000)
    }
}
