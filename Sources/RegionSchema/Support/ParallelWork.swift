import Dispatch
import Synchronization

/// Runs independent pieces of work side by side, on as many threads as the machine has cores, and hands back their
/// results as if they had run one after the other.
///
/// The work runs on other threads: task-local values (`JobProgress.observer`) must be passed in explicitly.
package enum ParallelWork {
    /// The result of `work` for every index below `count`, in index order.
    package static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let slots = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let result = work(index)
            slots.withLock { $0[index] = result }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }

    /// The results of `first` and `second`, run at the same time.
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = map(2) { index in index == 0 ? Either<A, B>.first(first()) : .second(second()) }
        guard case .first(let a) = results[0], case .second(let b) = results[1] else {
            preconditionFailure("map returns the result of every index, in index order")
        }
        return (a, b)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }
}
