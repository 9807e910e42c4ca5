import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Testing

struct BrowserStateTests {
    private let tenant = TenantInfo(name: "contoso", provider: .graph, id: "tid", domain: "contoso.com")

    private func loaded(_ users: [DirectoryUser], next: PageCursor? = nil) -> BrowserState {
        var state = BrowserState(tenant: tenant)
        _ = state.apply(.start)
        _ = state.apply(.searchAnswered(generation: state.searchGeneration, .success(UserPage(users: users, next: next))))
        return state
    }

    @Test func anAnswerToAnOlderSearchChangesNothing() {
        var state = loaded(Fixtures.numbered(3))
        _ = state.apply(.action(.search))
        _ = state.apply(.key(.character("x")))
        let before = state
        let effects = state.apply(.searchAnswered(
            generation: before.searchGeneration - 1, .success(UserPage(users: [Fixtures.bob]))))
        #expect(effects.isEmpty)
        #expect(state == before)
    }

    @Test func aPageDropsUsersAlreadyListedAndKeepsTheKnownIdsInStep() throws {
        let all = Fixtures.numbered(6)
        var state = loaded(Array(all[0..<3]), next: PageCursor("p2"))
        try #require(state.isLoadingMore)
        _ = state.apply(.moreUsersAnswered(
            generation: state.searchGeneration,
            .success(UserPage(users: [all[2], all[3], all[4], all[3]], next: PageCursor("p3")))))
        #expect(state.users.map(\.id) == all[0..<5].map(\.id))
        #expect(state.loadedUserIDs == Set(all[0..<5].map(\.id)))

        // The list replaced from outside: the ids are taken afresh before the next page.
        state.users = Array(all[0..<2])
        try #require(state.isLoadingMore)
        _ = state.apply(.moreUsersAnswered(
            generation: state.searchGeneration, .success(UserPage(users: [all[1], all[4], all[5]]))))
        #expect(state.users.map(\.id) == [all[0], all[1], all[4], all[5]].map(\.id))
        #expect(state.loadedUserIDs == Set(state.users.map(\.id)))
    }

    @Test func eachKeystrokeStartsANewDebouncedGeneration() {
        var state = loaded([])
        _ = state.apply(.action(.search))
        let first = state.apply(.key(.character("a")))
        let second = state.apply(.key(.character("b")))
        #expect(first == [.search(query: "a", generation: 2, debounce: true)])
        #expect(second == [.search(query: "ab", generation: 3, debounce: true)])
        #expect(state.usersStatus == .searching)
    }

    @Test func aNewResultKeepsTheSelectedUserWhenPresent() {
        var state = loaded([Fixtures.alice, Fixtures.alan, Fixtures.bob])
        _ = state.apply(.action(.moveDown))
        #expect(state.currentUser == Fixtures.alan)
        _ = state.apply(.action(.search))
        _ = state.apply(.key(.character("a")))
        let effects = state.apply(.searchAnswered(
            generation: state.searchGeneration, .success(UserPage(users: [Fixtures.alan, Fixtures.alice]))))
        #expect(state.currentUser == Fixtures.alan)
        #expect(state.selectedUser == 0)
        #expect(effects.isEmpty, "methods for Alan are already loading")
    }

    @Test func pagingMovesByTheVisibleRowsAndScrollsWithTheSelection() {
        var state = loaded(Fixtures.numbered(40))
        _ = state.apply(.viewport(usersRows: 8, methodsRows: 4))
        _ = state.apply(.action(.pageDown))
        #expect(state.selectedUser == 8)
        #expect(state.usersTop == 8)
        _ = state.apply(.action(.moveUp))
        #expect(state.selectedUser == 7)
        #expect(state.usersTop == 7)
        _ = state.apply(.action(.bottom))
        #expect(state.selectedUser == 39)
        #expect(state.usersTop == 32)
        _ = state.apply(.action(.top))
        #expect(state.selectedUser == 0)
        #expect(state.usersTop == 0)
    }

    @Test func scrolledMovesTheWindowAsLittleAsPossible() {
        #expect(BrowserState.scrolled(top: 0, selected: 5, rows: 10, count: 50) == 0)
        #expect(BrowserState.scrolled(top: 0, selected: 10, rows: 10, count: 50) == 1)
        #expect(BrowserState.scrolled(top: 20, selected: 15, rows: 10, count: 50) == 15)
        #expect(BrowserState.scrolled(top: 45, selected: 49, rows: 10, count: 50) == 40)
        #expect(BrowserState.scrolled(top: 3, selected: 0, rows: 10, count: 2) == 0)
    }

    @Test func aSearchFailureEmptiesTheListAndForgetsTheMethods() {
        var state = loaded([Fixtures.alice])
        _ = state.apply(.action(.search))
        _ = state.apply(.key(.character("z")))
        let error = ServiceError(kind: .unavailable, status: 503, message: "Service unavailable", requestID: "r-1")
        _ = state.apply(.searchAnswered(generation: state.searchGeneration, .failure(error)))
        #expect(state.users.isEmpty)
        #expect(state.methods == .none)
        #expect(state.usersStatus == .failed(error))
        #expect(state.flash?.text == "Search failed: Service unavailable (HTTP 503, request id r-1)")
    }
}
