import AuthdeskText
import Foundation

/// Standard error: messages always, progress only when it is a terminal (INTERFACES.md). Every
/// line goes through ``TerminalText``: a service's words in a message or a progress line show
/// control characters and bidirectional overrides escaped, never as themselves.
public enum StandardError {
    /// Whether standard error is a terminal, where progress may be shown.
    public static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    public static func write(_ line: String) {
        FileHandle.standardError.write(Data((TerminalText.visibleLines(line) + "\n").utf8))
    }

    /// Writes `line` only when standard error is a terminal.
    public static func progress(_ line: String) {
        if isTerminal { write(line) }
    }
}
