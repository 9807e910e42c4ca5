import AuthdeskServices

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

    /// The same table without the bindings whose provider action is not in `capabilities`.
    public func available(to capabilities: Set<ProviderAction>) -> KeyMap {
        KeyMap(bindings.filter { binding in binding.requires.map(capabilities.contains) ?? true })
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
                    let hinted = bindings.filter { $0.scope == scope && $0.action == entry.action && $0.isHint }
                    out.append(Entry(
                        keys: hinted.map(\.key), action: entry.action,
                        description: hinted.first?.hint ?? entry.description,
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
        KeyBinding(.character("T"), .chooseTenant, scope: .global, "choose a tenant (or :tenant NAME)"),

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
        KeyBinding(.character(" "), .toggleMark, scope: .users, "mark or unmark the user, move down", isHint: true, hint: "mark"),
        KeyBinding(.character("*"), .markAll, scope: .users, "mark every search result (all pages)"),
        KeyBinding(.character("U"), .clearMarks, scope: .users, "clear every mark (also :unmark)"),
        KeyBinding(.character("R"), .bulkReset, scope: .users, "reset all MFA of the marked users (or the selected one)", isDestructive: true, isHint: true, requires: .deleteMethod, hint: "reset MFA"),

        KeyBinding(.character("a"), .addPhone, scope: .methods, "add a phone", isDestructive: true, isHint: true, requires: .addPhone, hint: "add phone"),
        KeyBinding(.character("e"), .editMethod, scope: .methods, "change the selected phone or e-mail", isDestructive: true, requires: .updatePhone),
        KeyBinding(.character("d"), .deleteMethod, scope: .methods, "delete the selected method", isDestructive: true, isHint: true, requires: .deleteMethod, hint: "delete"),
        KeyBinding(.delete, .deleteMethod, scope: .methods, "delete the selected method", isDestructive: true, requires: .deleteMethod),
        KeyBinding(.character("s"), .toggleSmsSignIn, scope: .methods, "SMS sign-in on/off (mobile)", isDestructive: true, requires: .setSmsSignIn),
        KeyBinding(.character("m"), .editEmail, scope: .methods, "add or change the e-mail method", isDestructive: true, requires: .addEmail),
        KeyBinding(.character("t"), .issueTemporaryAccessPass, scope: .methods, "issue a Temporary Access Pass", isDestructive: true, isHint: true, requires: .createTemporaryAccessPass, hint: "TAP"),
        KeyBinding(.character("x"), .revokeSessions, scope: .methods, "revoke sessions", isDestructive: true, requires: .revokeSessions),
        KeyBinding(.character("p"), .resetPassword, scope: .methods, "reset the password", isDestructive: true, isHint: true, requires: .resetPassword, hint: "password"),

        KeyBinding(.tab, .nextField, scope: .dialog, "next field", isHint: true),
        KeyBinding(.backTab, .previousField, scope: .dialog, "previous field"),
        KeyBinding(.down, .nextField, scope: .dialog, "next field"),
        KeyBinding(.up, .previousField, scope: .dialog, "previous field"),
        KeyBinding(.left, .cursorLeft, scope: .dialog, "cursor left, previous choice"),
        KeyBinding(.right, .cursorRight, scope: .dialog, "cursor right, next choice"),
        KeyBinding(.character(" "), .toggleChoice, scope: .dialog, "change choice", isHint: true),
        KeyBinding(.backspace, .deleteBackward, scope: .dialog, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .dialog, "clear the field"),
        KeyBinding(.enter, .confirm, scope: .dialog, "confirm", isHint: true),
        KeyBinding(.escape, .closeDialog, scope: .dialog, "cancel", isHint: true),

        KeyBinding(.character("r"), .reveal, scope: .result, "reveal or hide", isHint: true),
        KeyBinding(.character("c"), .copySecret, scope: .result, "copy to your clipboard (OSC 52)", isHint: true),
        KeyBinding(.enter, .closeDialog, scope: .result, "close", isHint: true),
        KeyBinding(.escape, .closeDialog, scope: .result, "close (a reset keeps running)", isHint: true),

        KeyBinding(.enter, .accept, scope: .search, "done", isHint: true),
        KeyBinding(.escape, .cancel, scope: .search, "close search", isHint: true),
        KeyBinding(.backspace, .deleteBackward, scope: .search, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .search, "clear search", isHint: true),

        KeyBinding(.enter, .accept, scope: .command, "run", isHint: true),
        KeyBinding(.escape, .cancel, scope: .command, "cancel", isHint: true),
        KeyBinding(.backspace, .deleteBackward, scope: .command, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .command, "clear line"),

        KeyBinding(.escape, .closeHelp, scope: .help, "close help", isHint: true),
        KeyBinding(.character("j"), .moveDown, scope: .help, "scroll down", isHint: true),
        KeyBinding(.down, .moveDown, scope: .help, "scroll down"),
        KeyBinding(.character("k"), .moveUp, scope: .help, "scroll up", isHint: true),
        KeyBinding(.up, .moveUp, scope: .help, "scroll up"),
        KeyBinding(.pageDown, .pageDown, scope: .help, "page down"),
        KeyBinding(.pageUp, .pageUp, scope: .help, "page up"),
        KeyBinding(.character("?"), .closeHelp, scope: .help, "close help", isHint: true),
        KeyBinding(.character("q"), .closeHelp, scope: .help, "close help"),

        KeyBinding(.character("j"), .moveDown, scope: .tenantPicker, "next tenant"),
        KeyBinding(.down, .moveDown, scope: .tenantPicker, "next tenant"),
        KeyBinding(.character("k"), .moveUp, scope: .tenantPicker, "previous tenant"),
        KeyBinding(.up, .moveUp, scope: .tenantPicker, "previous tenant"),
        KeyBinding(.enter, .accept, scope: .tenantPicker, "switch to the tenant", isHint: true, hint: "switch"),
        KeyBinding(.escape, .cancel, scope: .tenantPicker, "close", isHint: true),
        KeyBinding(.character("q"), .cancel, scope: .tenantPicker, "close"),
    ])
}
