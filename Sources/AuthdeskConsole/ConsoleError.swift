/// Why the console could not start; the terminal is left as it was.
public enum ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// curses does not know the terminal type.
    case unknownTerminal(String)
    /// `TERM` is not set.
    case noTerminalType
    /// The terminal type cannot move the cursor (`TERM=dumb`, a hard-copy terminal).
    case noCursorAddressing(String)
    /// The operating system refused a pipe or a signal handler.
    case system(String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            "the console needs a terminal on standard input and output; in scripts use the subcommands (authdesk users search ..., authdesk methods list ...)"
        case .unknownTerminal(let name):
            "cannot start the console: the terminal type TERM=\(name) is unknown (try TERM=xterm-256color)"
        case .noTerminalType:
            "cannot start the console: TERM is not set; the console needs a terminal with cursor addressing: "
                + "set TERM=xterm-256color (or TERM=vt100); \(Self.commandsWorkAnywhere)"
        case .noCursorAddressing(let name):
            "cannot start the console on TERM=\(name): the console needs a terminal with cursor addressing, "
                + "which \(name) has not; set TERM=xterm-256color (or TERM=vt100); \(Self.commandsWorkAnywhere)"
        case .system(let call, let errno):
            "cannot start the console: \(call) failed (errno \(errno))"
        }
    }

    private static let commandsWorkAnywhere =
        "the command-line commands (authdesk users search ..., authdesk methods list ...) work on any terminal"
}
