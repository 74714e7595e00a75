import Foundation
import RegionKitFormats
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Draws progress on standard error, one line redrawn in place: what is being done, rows so far, rows per second
/// and, when the total is known, the share done and the time left.
///
/// Nothing is drawn until the job has run for `delay` (a second by default), so quick jobs stay silent; the line is
/// cleared when a phase ends and when the job is over, so results print on a clean line.
final class TerminalProgress: ProgressObserver {
    private struct State {
        var phase: String?
        var phaseStart: ContinuousClock.Instant
        var lastDraw: ContinuousClock.Instant?
        var drawn = false
    }

    private let start = ContinuousClock.now
    private let delay: Duration
    private let width: Int
    private let state: Mutex<State>

    /// The least time between two redraws.
    static let redrawInterval: Duration = .milliseconds(200)

    /// A display on standard error when it is a terminal, else nil. `REGIONKIT_PROGRESS_DELAY` (seconds) replaces
    /// the one-second wait.
    static func forStandardError() -> TerminalProgress? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let environment = ProcessInfo.processInfo.environment
        if environment["TERM"] == "dumb" { return nil }
        let seconds = environment["REGIONKIT_PROGRESS_DELAY"].flatMap(Double.init).map { max(0, $0) } ?? 1
        return TerminalProgress(delay: .milliseconds(Int(seconds * 1000)), width: terminalWidth())
    }

    init(delay: Duration, width: Int) {
        self.delay = delay
        self.width = max(20, width)
        state = Mutex(State(phaseStart: start))
    }

    func progressed(_ update: ProgressUpdate) {
        let now = ContinuousClock.now
        let line: String? = state.withLock { state in
            if state.phase != update.phase {
                state.phase = update.phase
                state.lastDraw = nil
            }
            guard now - start >= delay else { return nil }
            if let last = state.lastDraw, now - last < Self.redrawInterval { return nil }
            state.lastDraw = now
            state.drawn = true
            return Self.line(update, elapsed: now - state.phaseStart)
        }
        if let line { draw("\r" + String(line.prefix(width - 1)) + "\u{1B}[K") }
    }

    func phaseEnded() {
        let wasDrawn = state.withLock { state in
            defer {
                state.phase = nil
                state.phaseStart = .now
                state.drawn = false
            }
            return state.drawn
        }
        if wasDrawn { draw("\r\u{1B}[K") }
    }

    /// Clears the line after the job, whether it ended well or not.
    func finish() {
        phaseEnded()
    }

    /// The text of one progress line: `reading dataset.yaml: 420 000 rows, 85 000 rows/s, 46 %, 7 s left`.
    static func line(_ update: ProgressUpdate, elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var parts = ["\(grouped(update.rows)) rows"]
        if seconds > 0 { parts.append("\(grouped(Int(Double(update.rows) / seconds))) rows/s") }
        if let fraction = update.fraction {
            parts.append("\(Int(fraction * 100)) %")
            if fraction > 0, seconds > 0 {
                parts.append("\(duration(seconds * (1 - fraction) / fraction)) left")
            }
        }
        return update.phase + ": " + parts.joined(separator: ", ")
    }

    /// 1234567 as `1 234 567`.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(" ") }
            text.append(digit)
        }
        return text
    }

    /// Seconds as `7 s`, `2 min 05 s` or `1 h 03 min`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(String(format: "%02d", total % 60)) s" }
        return "\(total / 3600) h \(String(format: "%02d", (total % 3600) / 60)) min"
    }

    private func draw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
