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
}
