import AuthdeskCore

extension BrowserState {
    /// Space, `*`, `U` (or `:unmark`) and `R`: marking users and opening the bulk reset.
    mutating func performMarking(_ action: KeyAction) -> [BrowserEffect] {
        let tenant = tenancy.current.name
        switch action {
        case .toggleMark:
            guard let user = list.current else { return [] }
            marking.marks.toggle(tenant: tenant, user: user)
            if list.selected < list.users.count - 1 {
                list.selected += 1
                list.scrollToSelection()
                return markSelectionSettled()
            }
            return []
        case .markAll:
            guard list.status == .loaded else { return showFlash(.error, "Wait for the search to finish, then mark its results") }
            marking.markingAll = true
            marking.generation = list.generation
            if list.isLoadingMore { return showFlash(.info, "Loading every page of the results to mark them" + "\u{2026}") }
            return continueMarkingAll(after: [], failed: false)
        case .clearMarks:
            let count = marking.marks.count
            marking.marks.removeAll()
            marking.markingAll = false
            return showFlash(.info, count == 0 ? "No user was marked" : "Cleared \(count) mark\(count == 1 ? "" : "s")")
        case .bulkReset:
            var entries = marking.marks.entries
            if entries.isEmpty, let user = list.current { entries = [Marks.Entry(tenant: tenant, user: user)] }
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
        guard marking.markingAll else { return effects }
        guard marking.generation == list.generation else {
            marking.markingAll = false
            return effects
        }
        if failed {
            marking.markingAll = false
            return effects + showFlash(.error, "Nothing was marked: " + (flashes.current?.text ?? "a page of results could not be loaded"))
        }
        if list.isLoadingMore { return effects }
        let cap = MarksState.cap
        if let cursor = list.nextCursor, list.users.count < cap {
            list.isLoadingMore = true
            return effects + [.loadMoreUsers(cursor: cursor, generation: list.generation)]
        }
        marking.markingAll = false
        let chosen = list.users.prefix(cap)
        var added = 0
        for user in chosen where marking.marks.insert(tenant: tenancy.current.name, user: user) { added += 1 }
        var text = "Marked \(added) user\(added == 1 ? "" : "s")"
        if added != chosen.count { text += " (\(chosen.count - added) already marked)" }
        if list.nextCursor != nil || list.users.count > cap {
            text += "; stopped at \(cap) results, narrow the search to mark the rest"
        } else {
            text += ": every result of " + (list.query.isEmpty ? "the whole list" : "\u{201C}\(list.query)\u{201D}")
        }
        return effects + showFlash(.info, text)
    }

    /// The bulk screen closed: the users it reset completely are unmarked, and the methods pane
    /// reads the selected user's methods again (they may have changed).
    mutating func bulkClosed(done: [Marks.Key]) -> [BrowserEffect] {
        for key in done { marking.marks.remove(tenant: key.tenant, userID: key.userID) }
        guard let user = list.current else { return [] }
        return [methodsPane.load(for: user, settle: false)]
    }

    private mutating func markSelectionSettled() -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if let user = list.current, methodsPane.methods.userID != user.id {
            effects.append(methodsPane.load(for: user, settle: true))
        }
        return effects + list.pageIfNearEnd(threshold: settings.pagingThreshold)
    }
}
