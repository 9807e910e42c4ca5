import AuthdeskCore
import AuthdeskServices

/// The search line and the users pane: the query, the results page by page, the selection and
/// the scroll position. Answers carry the search's generation; an older one is dropped.
public struct UserListState: Sendable, Equatable {
    /// The search text, as typed.
    public var query = ""
    /// Bumped by every new search; answers to older ones are dropped.
    public var generation = 0
    public var status: UsersStatus = .idle
    /// The results, packed (``UserRows``): a page arriving drops the users already listed by
    /// their ids' index, without reading the list.
    public var users = UserRows()
    /// Where the next page of results is; nil when the list is complete.
    public var nextCursor: PageCursor?
    public var isLoadingMore = false
    /// Index into ``users``; meaningful when the list is not empty.
    public var selected = 0
    /// First visible row of the pane.
    public var top = 0
    /// Visible rows, as the console last laid them out (for paging and scrolling).
    public var rows = 10

    /// The movements of either list pane (they work while searching too).
    static let listBindings: [KeyBinding] = [
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
    ]

    /// The users pane's own key: opening the selected user (the marking keys are ``MarksState``'s).
    static let usersBindings: [KeyBinding] = [
            KeyBinding(.enter, .open, scope: .users, "open", isHint: true),
    ]

    /// The search line's keys while it is open (printable keys type).
    static let searchBindings: [KeyBinding] = [
            KeyBinding(.enter, .accept, scope: .search, "done", isHint: true),
            KeyBinding(.escape, .cancel, scope: .search, "close search", isHint: true),
            KeyBinding(.backspace, .deleteBackward, scope: .search, "delete character"),
            KeyBinding(.control("u"), .clearInput, scope: .search, "clear search", isHint: true),
    ]

    /// The user under the selection, if the list is not empty.
    public var current: DirectoryUser? {
        users.indices.contains(selected) ? users[selected] : nil
    }

    /// Starts a new search for ``query`` (after the typing pause when `debounce` is set).
    mutating func startSearch(debounce: Bool) -> BrowserEffect {
        generation += 1
        status = .searching
        isLoadingMore = false
        return .search(query: query, generation: generation, debounce: debounce)
    }

    /// A search answered: the results replace the list, keeping the selected user if listed.
    mutating func answered(_ page: UserPage) {
        let previous = current?.id
        users = UserRows(page.users)
        nextCursor = page.next
        status = .loaded
        selected = previous.flatMap { users.firstIndex(id: $0) } ?? 0
        top = 0
        scrollToSelection()
    }

    /// A search failed: the list empties and says why.
    mutating func failed(_ error: ServiceError) {
        users = []
        nextCursor = nil
        status = .failed(error)
        selected = 0
        top = 0
    }

    /// The next page arrived: its users not listed yet are appended.
    mutating func appended(_ page: UserPage) {
        users.appendNew(page.users)
        nextCursor = page.next
    }

    /// Asks for the next page when the selection is within `threshold` of the end of the list.
    mutating func pageIfNearEnd(threshold: Int) -> [BrowserEffect] {
        guard status == .loaded, !isLoadingMore, let cursor = nextCursor, selected >= users.count - threshold
        else { return [] }
        isLoadingMore = true
        return [.loadMoreUsers(cursor: cursor, generation: generation)]
    }

    /// Moves the selection by `delta` rows (a page keeps the selection's row on screen); false
    /// when the list is empty.
    mutating func move(by delta: Int) -> Bool {
        guard !users.isEmpty else { return false }
        let target = clamped(selected.addingReportingOverflow(delta).partialValue, 0, users.count - 1)
        if abs(delta) == rows { top += target - selected }
        selected = target
        scrollToSelection()
        return true
    }

    mutating func scrollToSelection() {
        top = ListScroll.top(top, selected: selected, rows: rows, count: users.count)
    }

    /// Empties the list and the query (another tenant opened).
    mutating func clear() {
        query = ""
        users = []
        nextCursor = nil
        isLoadingMore = false
        selected = 0
        top = 0
    }
}
