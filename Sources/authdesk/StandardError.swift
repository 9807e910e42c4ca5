import AuthdeskWorkflows
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

    /// A device-code prompt: always for a real tenant, whose operator must act on it; only on a
    /// terminal for the embedded sandbox, which approves the code by itself.
    static let signInPrompt: SignInRelay.Fallback = { prompt, embedded in
        if embedded { progress(prompt.message) } else { write(prompt.message) }
    }

    /// What the single-change workflow says while it works.
    static func report(_ event: ChangeEvent) {
        write("authdesk: " + event.message)
    }
}
