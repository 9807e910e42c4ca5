import Foundation

/// Standard error: messages always, progress only when it is a terminal (INTERFACES.md).
enum StandardError {
    /// Whether standard error is a terminal, where progress may be shown.
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes `line` only when standard error is a terminal.
    static func progress(_ line: String) {
        if isTerminal { write(line) }
    }
}
