import AuthdeskCore
import AuthdeskServices

/// The methods pane: whose methods it shows and how far they are read, the selection and the
/// scroll position. An answer for another user, or an older request, is dropped.
public struct MethodsPane: Sendable, Equatable {
    public var methods: MethodsState = .none
    /// Bumped whenever the pane is asked to show another user (or the same one afresh).
    public var generation = 0
    /// Index into the loaded methods.
    public var selected = 0
    /// First visible row of the pane.
    public var top = 0
    /// Visible rows, as the console last laid them out.
    public var rows = 5

    /// The methods pane's keys: back to the users, and the changes (each opens a dialog).
    static let bindings: [KeyBinding] = [
            KeyBinding(.escape, .back, scope: .methods, "back", isHint: true),
            KeyBinding(.character("a"), .addPhone, scope: .methods, "add a phone", isDestructive: true, isHint: true, requires: .addPhone, hint: "add phone"),
            KeyBinding(.character("e"), .editMethod, scope: .methods, "change the selected phone or e-mail", isDestructive: true, requires: .updatePhone),
            KeyBinding(.character("d"), .deleteMethod, scope: .methods, "delete the selected method", isDestructive: true, isHint: true, requires: .deleteMethod, hint: "delete"),
            KeyBinding(.delete, .deleteMethod, scope: .methods, "delete the selected method", isDestructive: true, requires: .deleteMethod),
            KeyBinding(.character("s"), .toggleSmsSignIn, scope: .methods, "SMS sign-in on/off (mobile)", isDestructive: true, requires: .setSmsSignIn),
            KeyBinding(.character("m"), .editEmail, scope: .methods, "add or change the e-mail method", isDestructive: true, requires: .addEmail),
            KeyBinding(.character("t"), .issueTemporaryAccessPass, scope: .methods, "issue a Temporary Access Pass", isDestructive: true, isHint: true, requires: .createTemporaryAccessPass, hint: "TAP"),
            KeyBinding(.character("x"), .revokeSessions, scope: .methods, "revoke sessions", isDestructive: true, requires: .revokeSessions),
            KeyBinding(.character("p"), .resetPassword, scope: .methods, "reset the password", isDestructive: true, isHint: true, requires: .resetPassword, hint: "password"),
    ]

    /// The method under the selection, if any.
    public var current: AuthMethod? {
        let list = methods.methods
        return list.indices.contains(selected) ? list[selected] : nil
    }

    /// Asks for `user`'s methods (once the selection has rested on them when `settle` is set).
    mutating func load(for user: DirectoryUser, settle: Bool) -> BrowserEffect {
        generation += 1
        methods = .loading(userID: user.id)
        selected = 0
        top = 0
        return .loadMethods(userID: user.id, generation: generation, settle: settle)
    }

    /// Reads `user`'s methods afresh, keeping the selection.
    mutating func reload(for user: DirectoryUser) -> BrowserEffect {
        let kept = selected
        let effect = load(for: user, settle: false)
        selected = kept
        return effect
    }

    /// Shows nobody's methods (the list emptied, the tenant changed).
    mutating func clear() {
        methods = .none
        generation += 1
    }

    /// The methods of `userID` arrived, or could not be read; false when the answer is stale.
    mutating func answered(generation: Int, userID: String, _ result: Result<[AuthMethod], ServiceError>) -> Bool {
        guard generation == self.generation, methods.userID == userID else { return false }
        switch result {
        case .success(let list):
            methods = .loaded(userID: userID, methods: list)
            selected = min(selected, max(0, list.count - 1))
            scrollToSelection()
        case .failure(let error):
            methods = .failed(userID: userID, error: error)
        }
        return true
    }

    /// Moves the selection by `delta` rows (a page keeps the selection's row on screen).
    mutating func move(by delta: Int) {
        let count = methods.methods.count
        guard count > 0 else { return }
        let target = clamped(selected.addingReportingOverflow(delta).partialValue, 0, count - 1)
        if abs(delta) == rows { top += target - selected }
        selected = target
        scrollToSelection()
    }

    mutating func scrollToSelection() {
        top = ListScroll.top(top, selected: selected, rows: rows, count: methods.methods.count)
    }
}
