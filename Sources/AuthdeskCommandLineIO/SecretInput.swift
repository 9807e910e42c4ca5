import Foundation

/// Reads a secret from standard input: one line, never echoed when standard input is a terminal.
public enum SecretInput {
    /// The first line of standard input without its line ending; nil at end of input. On a
    /// terminal, `prompt` goes to standard error and echo is off while the line is typed.
    public static func readLine(prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return clean(Swift.readLine(strippingNewline: true)) }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return clean(Swift.readLine(strippingNewline: true)) }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        // Echo goes off before the prompt shows, so nothing typed after the prompt is echoed or flushed.
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        FileHandle.standardError.write(Data(prompt.utf8))
        let line = Swift.readLine(strippingNewline: true)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
        FileHandle.standardError.write(Data("\n".utf8))
        return clean(line)
    }

    /// The line without a carriage return left by a Windows terminal or file.
    static func clean(_ line: String?) -> String? {
        guard var line else { return nil }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
