import AuthdeskServices

/// The key table: the bindings in force, looked up by key and scope, and listed for help and hints.
///
/// Built from ``standard`` (or any list of ``KeyBinding``); ``readOnly()`` removes every
/// destructive binding.
public struct KeyMap: Sendable, Hashable {
    /// One line of help or hint: every key bound to one action in one scope, and what it does.
    public struct Entry: Sendable, Hashable {
        public var keys: [Key]
        public var action: KeyAction
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
    public func action(for key: Key, in scopes: [KeyScope]) -> KeyAction? {
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.key == key }) {
                return binding.action
            }
        }
        return nil
    }

    /// The first key bound to `action` in any of `scopes`, innermost first.
    public func key(for action: KeyAction, in scopes: [KeyScope]) -> Key? {
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

    /// The help screen's sections: every one of `scopes` that has bindings, each with its entries
    /// (the browser's scopes by default; ``KeyScope/bulk`` for the bulk screen's).
    public func helpSections(_ scopes: [KeyScope] = KeyScope.browser) -> [(scope: KeyScope, entries: [Entry])] {
        scopes.compactMap { scope in
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
    /// `tab` next pane, `enter` open, `esc` back, `q` quit; each sub-state of the browser declares
    /// its own, then the bulk screen's.
    public static let standard = KeyMap(
        BrowserState.bindings + UserListState.listBindings + UserListState.usersBindings + MarksState.bindings
            + MethodsPane.bindings + AccountPane.bindings + AccountDialogs.bindings + Auth0Dialog.bindings + DialogState.bindings + UserListState.searchBindings + CommandLineState.bindings
            + HelpState.bindings + TenantsState.bindings + BulkScreenState.bindings + JournalViewState.bindings
            + TicketState.bindings)
}
