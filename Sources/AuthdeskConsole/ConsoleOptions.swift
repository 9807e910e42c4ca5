import AuthdeskAudit

/// How the executable asks the console to look and behave (`--ascii`, `--no-color`, `--read-only`).
public struct ConsoleOptions: Sendable {
    /// Draw boxes with `+-|` even in a UTF-8 locale.
    public var ascii: Bool
    /// Use colour (also off when `NO_COLOR` is set or the terminal has none).
    public var color: Bool
    /// Remove every destructive key binding (the services refuse writes as well).
    public var readOnly: Bool
    /// Journals every change made in the console (nil: not audited).
    public var auditor: ChangeAuditor?

    public init(ascii: Bool = false, color: Bool = true, readOnly: Bool = false, auditor: ChangeAuditor? = nil) {
        self.ascii = ascii
        self.color = color
        self.readOnly = readOnly
        self.auditor = auditor
    }

    /// Options from the command line and the environment: colour is off with `--no-color` or
    /// when `NO_COLOR` is set to anything.
    public init(ascii: Bool, noColor: Bool, readOnly: Bool, auditor: ChangeAuditor?, environment: [String: String]) {
        let noColorSet = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        self.init(ascii: ascii, color: !(noColor || noColorSet), readOnly: readOnly, auditor: auditor)
    }
}
