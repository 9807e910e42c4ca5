/// A key as the operator pressed it, independent of the terminal library that read it.
///
/// The console translates curses key codes into these; view models and key maps reason only
/// about them, so bindings are data and tests can press keys without a terminal.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete
    /// A control chord: `.control("u")` is Ctrl-U.
    case control(Character)
    /// A function key, `F1` is `.function(1)`.
    case function(Int)

    /// How help and hint lines name the key: plain ASCII, so it reads the same in every locale.
    public var label: String {
        switch self {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "tab"
        case .backTab: "S-tab"
        case .enter: "enter"
        case .escape: "esc"
        case .backspace: "bksp"
        case .delete: "del"
        case .control(let c): "ctrl-" + String(c)
        case .function(let n): "F\(n)"
        }
    }

    /// The character a text field inserts for this key, if it is a printable one.
    public var printable: Character? {
        guard case .character(let c) = self else { return nil }
        if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) { return nil }
        return c
    }
}
