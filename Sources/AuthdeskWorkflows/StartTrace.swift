import Foundation
import Synchronization

/// When each phase of the console's start ended, for the console benchmark
/// (`Benchmarks/console_pty.py start` prints the breakdown): recorded only when the variable
/// `AUTHDESK_START_TRACE` names a file, and written there, one `phase<TAB>seconds` line each
/// (CLOCK_MONOTONIC, the clock of Python's `time.monotonic()`), once the list is drawn.
/// Phase names only: nothing from a service or a secret.
public enum StartTrace {
    private static let path = ProcessInfo.processInfo.environment["AUTHDESK_START_TRACE"].flatMap { $0.isEmpty ? nil : $0 }
    private static let marks = Mutex<[(phase: String, seconds: Double)]>([])

    /// Whether the start is being traced.
    public static var isOn: Bool { path != nil }

    /// Notes that `phase` ended now (the first time only).
    public static func mark(_ phase: String) {
        guard path != nil else { return }
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        let seconds = Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        marks.withLock { marks in
            if !marks.contains(where: { $0.phase == phase }) { marks.append((phase, seconds)) }
        }
    }

    /// Notes that `phase` ended now and writes every phase to the trace file (the start is
    /// over); a second call for the same phase does nothing.
    public static func finish(_ phase: String) {
        guard let path, !marks.withLock({ $0.contains { $0.phase == phase } }) else { return }
        mark(phase)
        let text = marks.withLock { marks in marks.map { "\($0.phase)\t\(String(format: "%.6f", $0.seconds))\n" }.joined() }
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
