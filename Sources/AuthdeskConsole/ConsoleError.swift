/// Why the console could not start; the terminal is left as it was.
public enum ConsoleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal.
    case notATerminal
    /// curses does not know the terminal type.
    case unknownTerminal(String)
    /// The operating system refused a pipe or a signal handler.
    case system(String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            "the console needs a terminal on standard input and output; in scripts use the subcommands (authdesk users search ..., authdesk methods list ...)"
        case .unknownTerminal(let name):
            "cannot start the console: the terminal type TERM=\(name) is unknown (try TERM=xterm-256color)"
        case .system(let call, let errno):
            "cannot start the console: \(call) failed (errno \(errno))"
        }
    }
}
