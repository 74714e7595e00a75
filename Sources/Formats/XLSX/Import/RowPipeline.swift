import Dispatch
import RegionKit
import Synchronization

/// Hands the rows of a sheet from the thread that parses its XML to another thread that interprets them, in
/// batches, so that parsing and interpreting overlap on two cores. At most `maxBatches` batches wait at a time, so
/// memory does not grow with the sheet.
///
/// Only the consuming thread calls `consume`, one row at a time and in order; `finish` returns once it has taken
/// every row, so what `consume` built may be read after it.
final class RowPipeline: Sendable {
    private let batchSize: Int
    private let queue = Mutex<[[SheetRow]]>([])
    private let pending = Mutex<[SheetRow]>([])
    /// Batches waiting for the consumer; free places in the queue; the consumer has taken the last batch.
    private let waiting = DispatchSemaphore(value: 0)
    private let room: DispatchSemaphore
    private let drained = DispatchSemaphore(value: 0)

    /// Starts the consuming thread. `consume` runs there, with `JobProgress.observer` as it is on this thread.
    init(batchSize: Int = 512, maxBatches: Int = 8, consume: @escaping @Sendable (SheetRow) -> Void) {
        self.batchSize = batchSize
        room = DispatchSemaphore(value: maxBatches)
        let observer = JobProgress.observer
        DispatchQueue.global().async { [self] in
            JobProgress.$observer.withValue(observer) {
                while true {
                    waiting.wait()
                    let batch = queue.withLock { $0.removeFirst() }
                    room.signal()
                    // An empty batch is the end: `send` never queues one.
                    if batch.isEmpty { break }
                    for row in batch { consume(row) }
                }
            }
            drained.signal()
        }
    }

    /// Queues a row for the consumer; called from the parsing thread only.
    func send(_ row: SheetRow) {
        let full: [SheetRow]? = pending.withLock { rows in
            rows.append(row)
            guard rows.count >= batchSize else { return nil }
            defer { rows = [] }
            return rows
        }
        if let full { enqueue(full) }
    }

    /// Hands over the last rows and waits until the consumer has taken every row. Call it once, also when parsing
    /// failed, so that the consuming thread ends.
    func finish() {
        let rest = pending.withLock { rows in
            defer { rows = [] }
            return rows
        }
        if !rest.isEmpty { enqueue(rest) }
        enqueue([])
        drained.wait()
    }

    private func enqueue(_ batch: [SheetRow]) {
        room.wait()
        queue.withLock { $0.append(batch) }
        waiting.signal()
    }
}
