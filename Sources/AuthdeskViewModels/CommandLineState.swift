/// The `:` command line: the text typed after the colon. What it runs is ``BrowserCommand``'s.
public struct CommandLineState: Sendable, Equatable {
    /// The command's text, without the `:`.
    public var text = ""

    /// The command line's keys while it is open (printable keys type).
    static let bindings: [KeyBinding] = [
        KeyBinding(.enter, .accept, scope: .command, "run", isHint: true),
        KeyBinding(.escape, .cancel, scope: .command, "cancel", isHint: true),
        KeyBinding(.backspace, .deleteBackward, scope: .command, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .command, "clear line"),
    ]

    /// The text with its spaces collapsed, taken off the line (which empties).
    mutating func take() -> String {
        let taken = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        text = ""
        return taken
    }

    /// Deletes the last character; false when there was none (the line then closes).
    mutating func deleteBackward() -> Bool {
        guard !text.isEmpty else { return false }
        text.removeLast()
        return true
    }
}
