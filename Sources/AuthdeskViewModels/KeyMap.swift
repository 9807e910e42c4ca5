/// The key table: the bindings in force, looked up by key and scope, and listed for help and hints.
///
/// Built from ``standard`` (or any list of ``KeyBinding``); ``readOnly()`` removes every
/// destructive binding.
public struct KeyMap: Sendable, Hashable {
    /// One line of help or hint: every key bound to one action in one scope, and what it does.
    public struct Entry: Sendable, Hashable {
        public var keys: [Key]
        public var action: BrowserAction
        public var description: String
        public var isDestructive: Bool

        /// `j, down`: the keys as the help screen names them.
        public var keyLabel: String { keys.map(\.label).joined(separator: ", ") }
    }

    /// The bindings, in the order help lists them.
    public private(set) var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The same table without a single destructive binding.
    public func readOnly() -> KeyMap {
        KeyMap(bindings.filter { !$0.isDestructive })
    }

    /// The action `key` triggers, looking in `scopes` in order (innermost first).
    public func action(for key: Key, in scopes: [KeyScope]) -> BrowserAction? {
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.key == key }) {
                return binding.action
            }
        }
        return nil
    }

    /// The first key bound to `action` in any of `scopes`, innermost first.
    public func key(for action: BrowserAction, in scopes: [KeyScope]) -> Key? {
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.action == action }) {
                return binding.key
            }
        }
        return nil
    }

    /// The bindings of one scope, merged per action, in table order.
    public func entries(in scope: KeyScope) -> [Entry] {
        var out: [Entry] = []
        for binding in bindings where binding.scope == scope {
            if let i = out.firstIndex(where: { $0.action == binding.action }) {
                out[i].keys.append(binding.key)
            } else {
                out.append(Entry(
                    keys: [binding.key], action: binding.action, description: binding.description,
                    isDestructive: binding.isDestructive))
            }
        }
        return out
    }

    /// The help screen's sections: every scope that has bindings, each with its entries.
    public func helpSections() -> [(scope: KeyScope, entries: [Entry])] {
        KeyScope.allCases.compactMap { scope in
            let entries = entries(in: scope)
            return entries.isEmpty ? nil : (scope, entries)
        }
    }

    /// The hint line for the active scopes (innermost first): hinted entries, each action once.
    public func hints(in scopes: [KeyScope]) -> [Entry] {
        var out: [Entry] = []
        for scope in scopes {
            for entry in entries(in: scope) where !out.contains(where: { $0.action == entry.action }) {
                let hinted = bindings.contains { $0.scope == scope && $0.action == entry.action && $0.isHint }
                if hinted {
                    let keys = bindings.filter { $0.scope == scope && $0.action == entry.action && $0.isHint }
                        .map(\.key)
                    out.append(Entry(
                        keys: keys, action: entry.action, description: entry.description,
                        isDestructive: entry.isDestructive))
                }
            }
        }
        return out
    }

    /// authdesk's bindings, after k9s and lazygit: `/` search, `:` command, `?` help, `j`/`k`,
    /// `tab` next pane, `enter` open, `esc` back, `q` quit.
    public static let standard = KeyMap([
        KeyBinding(.character("/"), .search, scope: .global, "search", isHint: true),
        KeyBinding(.tab, .nextPane, scope: .global, "next pane", isHint: true),
        KeyBinding(.character(":"), .commandLine, scope: .global, "command", isHint: true),
        KeyBinding(.character("?"), .help, scope: .global, "help", isHint: true),
        KeyBinding(.character("q"), .quit, scope: .global, "quit", isHint: true),
        KeyBinding(.control("l"), .redraw, scope: .global, "redraw the screen"),

        KeyBinding(.character("j"), .moveDown, scope: .list, "move down"),
        KeyBinding(.down, .moveDown, scope: .list, "move down"),
        KeyBinding(.character("k"), .moveUp, scope: .list, "move up"),
        KeyBinding(.up, .moveUp, scope: .list, "move up"),
        KeyBinding(.pageDown, .pageDown, scope: .list, "page down"),
        KeyBinding(.control("f"), .pageDown, scope: .list, "page down"),
        KeyBinding(.pageUp, .pageUp, scope: .list, "page up"),
        KeyBinding(.control("b"), .pageUp, scope: .list, "page up"),
        KeyBinding(.character("g"), .top, scope: .list, "first"),
        KeyBinding(.home, .top, scope: .list, "first"),
        KeyBinding(.character("G"), .bottom, scope: .list, "last"),
        KeyBinding(.end, .bottom, scope: .list, "last"),
        KeyBinding(.character("r"), .reload, scope: .list, "reload methods"),

        KeyBinding(.enter, .open, scope: .users, "open", isHint: true),
        KeyBinding(.escape, .back, scope: .methods, "back", isHint: true),

        KeyBinding(.enter, .accept, scope: .search, "done", isHint: true),
        KeyBinding(.escape, .cancel, scope: .search, "close search", isHint: true),
        KeyBinding(.backspace, .deleteBackward, scope: .search, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .search, "clear search", isHint: true),

        KeyBinding(.enter, .accept, scope: .command, "run", isHint: true),
        KeyBinding(.escape, .cancel, scope: .command, "cancel", isHint: true),
        KeyBinding(.backspace, .deleteBackward, scope: .command, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .command, "clear line"),

        KeyBinding(.escape, .closeHelp, scope: .help, "close help", isHint: true),
        KeyBinding(.character("?"), .closeHelp, scope: .help, "close help", isHint: true),
        KeyBinding(.character("q"), .closeHelp, scope: .help, "close help"),
    ])
}
