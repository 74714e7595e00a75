import Dispatch
import Synchronization

/// Work started on another thread at once, whose result the caller waits for when it needs it, doing other work
/// meanwhile.
///
/// The work runs on another thread: task-local values (`JobProgress.observer`) do not reach it.
package final class BackgroundWork<T: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let result = Mutex<T?>(nil)

    /// Starts `work`.
    package init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
    }

    /// The result of the work, once it has finished.
    package func wait() -> T {
        finished.wait()
        // Let the next call through too.
        finished.signal()
        guard let value = result.withLock({ $0 }) else {
            preconditionFailure("the work stores its result before it signals")
        }
        return value
    }
}
