import Foundation
import Synchronization

/// A line of progress redrawn in place at the bottom of standard error when it is a terminal,
/// with messages printed above it; on anything else it writes nothing at all (INTERFACES.md:
/// progress only on a terminal). Redraws at most ten times a second, cut to the terminal's
/// width so that it never wraps.
public final class StatusLine: Sendable {
    private struct State {
        var shown: String?
        var drawnAt: ContinuousClock.Instant?
    }

    private let state = Mutex(State())
    private let isTerminal: Bool
    private let write: @Sendable (String) -> Void

    /// On standard error, when it is a terminal.
    public convenience init() {
        self.init(isTerminal: StandardError.isTerminal) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// `write` gets the raw text (carriage returns and erase-line sequences included).
    public init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    /// Shows `text` as the status line (dropped when the last redraw is under 100 ms old, unless `force`).
    public func redraw(_ text: String, force: Bool = false) {
        guard isTerminal else { return }
        let now = ContinuousClock.now
        let line = Self.fit(text, width: Self.columns())
        let draw = state.withLock { current -> Bool in
            if !force, let drawnAt = current.drawnAt, now - drawnAt < .milliseconds(100) {
                current.shown = line
                return false
            }
            current.shown = line
            current.drawnAt = now
            return true
        }
        if draw { write("\r\u{1B}[K" + line) }
    }

    /// Prints `line` above the status line, which is drawn again below it.
    public func message(_ line: String) {
        guard isTerminal else { return }
        let shown = state.withLock { $0.shown }
        write("\r\u{1B}[K" + line + "\n" + (shown ?? ""))
    }

    /// Leaves the last status on its own line, so that what follows starts on a new one.
    public func finish() {
        guard isTerminal else { return }
        let shown = state.withLock { current -> String? in
            defer { current = State() }
            return current.shown
        }
        if let shown { write("\r\u{1B}[K" + shown + "\n") }
    }

    /// `text` cut to one cell less than `width` (so the cursor never wraps).
    static func fit(_ text: String, width: Int) -> String {
        let room = max(10, width - 1)
        return text.count > room ? String(text.prefix(room - 1)) + "…" : text
    }

    /// The terminal's width, 80 when unknown.
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
