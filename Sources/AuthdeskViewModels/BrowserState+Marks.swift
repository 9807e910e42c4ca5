import AuthdeskCore

extension BrowserState {
    /// The most users `*` marks at once: it loads pages until it has this many, then stops.
    public static let markAllCap = 2000

    /// Space, `*`, `U` (or `:unmark`) and `R`: marking users and opening the bulk reset.
    mutating func performMarking(_ action: BrowserAction) -> [BrowserEffect] {
        switch action {
        case .toggleMark:
            guard let user = currentUser else { return [] }
            marks.toggle(tenant: tenant.name, user: user)
            if selectedUser < users.count - 1 {
                selectedUser += 1
                usersTop = Self.scrolled(top: usersTop, selected: selectedUser, rows: usersRows, count: users.count)
                return markSelectionSettled()
            }
            return []
        case .markAll:
            guard usersStatus == .loaded else { return showFlash(.error, "Wait for the search to finish, then mark its results") }
            markingAll = true
            markAllGeneration = searchGeneration
            if isLoadingMore { return showFlash(.info, "Loading every page of the results to mark them" + "\u{2026}") }
            return continueMarkingAll(after: [], failed: false)
        case .clearMarks:
            let count = marks.count
            marks.removeAll()
            markingAll = false
            return showFlash(.info, count == 0 ? "No user was marked" : "Cleared \(count) mark\(count == 1 ? "" : "s")")
        case .bulkReset:
            var entries = marks.entries
            if entries.isEmpty, let user = currentUser { entries = [Marks.Entry(tenant: tenant.name, user: user)] }
            guard !entries.isEmpty else { return showFlash(.error, "Mark users with space (or select one) to reset their MFA") }
            input = nil
            return [.openBulkReset(entries)]
        default:
            return []
        }
    }

    /// After a page arrived (or when `*` was pressed): loads the next page while marking all,
    /// or marks every loaded result once the list is complete or the cap is reached.
    mutating func continueMarkingAll(after effects: [BrowserEffect], failed: Bool) -> [BrowserEffect] {
        guard markingAll else { return effects }
        guard markAllGeneration == searchGeneration else {
            markingAll = false
            return effects
        }
        if failed {
            markingAll = false
            return effects + showFlash(.error, "Nothing was marked: " + (flash?.text ?? "a page of results could not be loaded"))
        }
        if isLoadingMore { return effects }
        if let cursor = nextCursor, users.count < Self.markAllCap {
            isLoadingMore = true
            return effects + [.loadMoreUsers(cursor: cursor, generation: searchGeneration)]
        }
        markingAll = false
        let chosen = users.prefix(Self.markAllCap)
        var added = 0
        for user in chosen where marks.insert(tenant: tenant.name, user: user) { added += 1 }
        var text = "Marked \(added) user\(added == 1 ? "" : "s")"
        if added != chosen.count { text += " (\(chosen.count - added) already marked)" }
        if nextCursor != nil || users.count > Self.markAllCap {
            text += "; stopped at \(Self.markAllCap) results, narrow the search to mark the rest"
        } else {
            text += ": every result of " + (query.isEmpty ? "the whole list" : "\u{201C}\(query)\u{201D}")
        }
        return effects + showFlash(.info, text)
    }

    /// The bulk screen closed: the users it reset completely are unmarked, and the methods pane
    /// reads the selected user's methods again (they may have changed).
    mutating func bulkClosed(done: [Marks.Key]) -> [BrowserEffect] {
        for key in done { marks.remove(tenant: key.tenant, userID: key.userID) }
        guard let user = currentUser else { return [] }
        return loadMethods(for: user, settle: false)
    }

    private mutating func markSelectionSettled() -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let user = currentUser, methods.userID != user.id { effects += loadMethods(for: user, settle: true) }
        if usersStatus == .loaded, !isLoadingMore, let cursor = nextCursor,
            selectedUser >= users.count - settings.pagingThreshold
        {
            isLoadingMore = true
            effects.append(.loadMoreUsers(cursor: cursor, generation: searchGeneration))
        }
        return effects
    }
}
