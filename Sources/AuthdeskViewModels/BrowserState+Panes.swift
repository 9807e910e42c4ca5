import AuthdeskCore
import AuthdeskServices

/// The two panes together: a search answered, a page appended, the selection moved. The users
/// list and the methods pane each keep their own state; here the selection resting on a user
/// asks for that user's methods.
extension BrowserState {
    mutating func searchAnswered(_ result: Result<UserPage, ServiceError>) -> [BrowserEffect] {
        switch result {
        case .success(let page):
            list.answered(page)
            return selectionSettled()
        case .failure(let error):
            list.failed(error)
            methodsPane.clear()
            return showFlash(.error, "Search failed: \(error)")
        }
    }

    mutating func moreUsersAnswered(_ result: Result<UserPage, ServiceError>) -> [BrowserEffect] {
        list.isLoadingMore = false
        switch result {
        case .success(let page):
            list.appended(page)
            return list.pageIfNearEnd(threshold: settings.pagingThreshold)
        case .failure(let error):
            return showFlash(.error, "Could not load more users: \(error)")
        }
    }

    /// Open, back, reload and the movements of the focused pane.
    mutating func performInPanes(_ action: KeyAction) -> [BrowserEffect] {
        switch action {
        case .open:
            guard let user = list.current else { return [] }
            focus = .methods
            if methodsPane.methods.userID == user.id { return [] }
            return [methodsPane.load(for: user, settle: false)]
        case .back:
            focus = .users
            return []
        case .reload:
            guard let user = list.current else { return [] }
            return [methodsPane.load(for: user, settle: false)]
                + showFlash(.info, "Reloading the methods of \(user.displayName)")
        case .moveDown: return moveSelection(by: 1)
        case .moveUp: return moveSelection(by: -1)
        case .pageDown: return moveSelection(by: focus == .users ? list.rows : methodsPane.rows)
        case .pageUp: return moveSelection(by: -(focus == .users ? list.rows : methodsPane.rows))
        case .top: return moveSelection(by: Int.min / 2)
        case .bottom: return moveSelection(by: Int.max / 2)
        default: return []
        }
    }

    private mutating func moveSelection(by delta: Int) -> [BrowserEffect] {
        switch focus {
        case .users:
            guard list.move(by: delta) else { return [] }
            return selectionSettled()
        case .methods:
            methodsPane.move(by: delta)
            return []
        }
    }

    /// The selection rests on a user: load their methods if the pane shows someone else, and
    /// fetch the next page if the end is near.
    mutating func selectionSettled() -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let user = list.current {
            if methodsPane.methods.userID != user.id { effects.append(methodsPane.load(for: user, settle: true)) }
        } else if methodsPane.methods != .none {
            methodsPane.clear()
        }
        return effects + accountSettled() + list.pageIfNearEnd(threshold: settings.pagingThreshold)
    }

    /// Reads the user's methods afresh when the pane shows them, keeping the selection.
    mutating func refreshMethods(of userID: String) -> [BrowserEffect] {
        guard methodsPane.methods.userID == userID, let user = list.users.user(id: userID) else {
            return refreshAccount(of: userID)
        }
        return [methodsPane.reload(for: user)] + refreshAccount(of: userID)
    }
}
