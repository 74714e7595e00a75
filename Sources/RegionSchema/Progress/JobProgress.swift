/// How far one phase of a long job has got: rows handled so far, and the part of the phase's work done.
public struct ProgressUpdate: Sendable, Hashable {
    /// What the job is doing, for a person: `reading dataset.yaml`, `writing xlsx`.
    public var phase: String
    /// Rows handled so far in this phase.
    public var rows: Int
    /// Work done so far, in the phase's own unit (bytes of a file read, rows written).
    public var done: Int
    /// All the phase's work in that unit, when known.
    public var total: Int?

    public init(phase: String, rows: Int, done: Int, total: Int?) {
        self.phase = phase
        self.rows = rows
        self.done = done
        self.total = total
    }

    /// The part done, 0…1, when the total is known.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, Double(done) / Double(total)))
    }
}

/// Receives progress updates of a long job; the command line draws them on a terminal.
public protocol ProgressObserver: Sendable {
    /// A phase has got further. Called from the thread doing the work, at most every `JobProgress.stride` rows.
    func progressed(_ update: ProgressUpdate)
    /// The phase named in the last update is over.
    func phaseEnded()
}

/// Where long loops report how far they have got: to the observer bound for the current task, if any.
///
/// Loops over rows report every `stride` rows, so that a job nobody watches pays one comparison per row.
public enum JobProgress {
    /// The observer of the work running in this task; nil (the default) when nobody watches.
    @TaskLocal public static var observer: (any ProgressObserver)?

    /// Rows between two reports from a loop over rows.
    public static let stride = 4096

    /// Whether a loop that has handled `rows` rows should report now.
    @inline(__always)
    public static func isDue(_ rows: Int) -> Bool { rows & (stride - 1) == 0 }

    /// Reports how far a phase has got to the current observer.
    public static func report(_ phase: @autoclosure () -> String, rows: Int, done: Int, total: Int?) {
        guard let observer else { return }
        observer.progressed(ProgressUpdate(phase: phase(), rows: rows, done: done, total: total))
    }

    /// Tells the current observer that the phase it last heard of is over.
    public static func end() {
        observer?.phaseEnded()
    }
}
