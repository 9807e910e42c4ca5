/// The help screen (`?`, `:help`): whether it shows, and its first line shown (it scrolls when
/// it is longer than the screen). It takes every key while open.
public struct HelpState: Sendable, Equatable {
    public var isShown = false
    /// The first help line shown.
    public var top = 0

    /// The help's keys: closing it, and scrolling through its `lineCount` lines.
    static let bindings: [KeyBinding] = [
        KeyBinding(.escape, .closeHelp, scope: .help, "close help", isHint: true),
        KeyBinding(.character("j"), .moveDown, scope: .help, "scroll down", isHint: true),
        KeyBinding(.down, .moveDown, scope: .help, "scroll down"),
        KeyBinding(.character("k"), .moveUp, scope: .help, "scroll up", isHint: true),
        KeyBinding(.up, .moveUp, scope: .help, "scroll up"),
        KeyBinding(.pageDown, .pageDown, scope: .help, "page down"),
        KeyBinding(.pageUp, .pageUp, scope: .help, "page up"),
        KeyBinding(.character("?"), .closeHelp, scope: .help, "close help", isHint: true),
        KeyBinding(.character("q"), .closeHelp, scope: .help, "close help"),
    ]

    /// Opens the help at its first line.
    mutating func open() {
        isShown = true
        top = 0
    }

    /// Scrolls the help's `lineCount` lines if `action` scrolls; false when it does not.
    mutating func scroll(_ action: KeyAction, lineCount: Int) -> Bool {
        let delta: Int
        switch action {
        case .moveDown: delta = 1
        case .moveUp: delta = -1
        case .pageDown: delta = 10
        case .pageUp: delta = -10
        case .top: delta = Int.min / 2
        default: return false
        }
        top = min(max(0, top + delta), max(0, lineCount - 1))
        return true
    }
}
