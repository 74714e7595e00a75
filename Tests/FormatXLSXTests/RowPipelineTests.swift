import Synchronization
import Testing

@testable import FormatXLSX

@Suite struct RowPipelineTests {
    static func row(_ number: Int) -> SheetRow {
        SheetRow(
            number: number,
            cells: [
                SheetCell(
                    address: CellAddress(row: number, column: 1), content: .number(Double(number)), isDateStyled: false,
                    formula: nil)
            ])
    }

    /// Every row reaches the consumer once and in order, across many batches and a last partial one, and `finish`
    /// returns only after the last.
    @Test(arguments: [0, 1, 511, 512, 513, 10_000])
    func everyRowArrivesInOrder(_ count: Int) {
        let taken = Mutex<[Int]>([])
        let pipeline = RowPipeline(batchSize: 512, maxBatches: 2) { row in
            taken.withLock { $0.append(row.number) }
        }
        for number in 1...max(count, 1) where count > 0 {
            pipeline.send(Self.row(number))
        }
        pipeline.finish()
        #expect(taken.withLock { $0 } == Array(stride(from: 1, through: count, by: 1)))
    }
}
