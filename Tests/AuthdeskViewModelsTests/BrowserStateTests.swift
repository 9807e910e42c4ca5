import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Testing

struct BrowserStateTests {
    private let tenant = TenantInfo(name: "contoso", provider: .graph, id: "tid", domain: "contoso.com")

    private func loaded(_ users: [DirectoryUser], next: PageCursor? = nil) -> BrowserState {
        var state = BrowserState(tenant: tenant)
        _ = state.apply(.start)
        _ = state.apply(.searchAnswered(generation: state.list.generation, .success(UserPage(users: users, next: next))))
        return state
    }

    @Test func anAnswerToAnOlderSearchChangesNothing() {
        var state = loaded(Fixtures.numbered(3))
        _ = state.apply(.action(.search))
        _ = state.apply(.key(.character("x")))
        let before = state
        let effects = state.apply(.searchAnswered(
            generation: before.list.generation - 1, .success(UserPage(users: [Fixtures.bob]))))
        #expect(effects.isEmpty)
        #expect(state == before)
    }

    @Test func aPageDropsUsersAlreadyListedAndKeepsTheKnownIdsInStep() throws {
        let all = Fixtures.numbered(6)
        var state = loaded(Array(all[0..<3]), next: PageCursor("p2"))
        try #require(state.list.isLoadingMore)
        _ = state.apply(.moreUsersAnswered(
            generation: state.list.generation,
            .success(UserPage(users: [all[2], all[3], all[4], all[3]], next: PageCursor("p3")))))
        #expect(state.users.map(\.id) == all[0..<5].map(\.id))
        #expect(all[0..<5].allSatisfy { state.list.users.contains(id: $0.id) })
        #expect(!state.list.users.contains(id: all[5].id))

        // The list replaced from outside: its own ids decide what the next page adds.
        state.list.users = UserRows(all[0..<2])
        try #require(state.list.isLoadingMore)
        _ = state.apply(.moreUsersAnswered(
            generation: state.list.generation, .success(UserPage(users: [all[1], all[4], all[5]]))))
        #expect(state.users.map(\.id) == [all[0], all[1], all[4], all[5]].map(\.id))
        #expect(state.users.map(\.id).allSatisfy { state.list.users.contains(id: $0) })
    }

    @Test func eachKeystrokeStartsANewDebouncedGeneration() {
        var state = loaded([])
        _ = state.apply(.action(.search))
        let first = state.apply(.key(.character("a")))
        let second = state.apply(.key(.character("b")))
        #expect(first == [.search(query: "a", generation: 2, debounce: true)])
        #expect(second == [.search(query: "ab", generation: 3, debounce: true)])
        #expect(state.list.status == .searching)
    }

    @Test func aNewResultKeepsTheSelectedUserWhenPresent() {
        var state = loaded([Fixtures.alice, Fixtures.alan, Fixtures.bob])
        _ = state.apply(.action(.moveDown))
        #expect(state.list.current == Fixtures.alan)
        _ = state.apply(.action(.search))
        _ = state.apply(.key(.character("a")))
        let effects = state.apply(.searchAnswered(
            generation: state.list.generation, .success(UserPage(users: [Fixtures.alan, Fixtures.alice]))))
        #expect(state.list.current == Fixtures.alan)
        #expect(state.list.selected == 0)
        #expect(effects.isEmpty, "methods for Alan are already loading")
    }

    @Test func pagingMovesByTheVisibleRowsAndScrollsWithTheSelection() {
        var state = loaded(Fixtures.numbered(40))
        _ = state.apply(.viewport(usersRows: 8, methodsRows: 4))
        _ = state.apply(.action(.pageDown))
        #expect(state.list.selected == 8)
        #expect(state.list.top == 8)
        _ = state.apply(.action(.moveUp))
        #expect(state.list.selected == 7)
        #expect(state.list.top == 7)
        _ = state.apply(.action(.bottom))
        #expect(state.list.selected == 39)
        #expect(state.list.top == 32)
        _ = state.apply(.action(.top))
        #expect(state.list.selected == 0)
        #expect(state.list.top == 0)
    }

    @Test func scrolledMovesTheWindowAsLittleAsPossible() {
        #expect(ListScroll.top(0, selected: 5, rows: 10, count: 50) == 0)
        #expect(ListScroll.top(0, selected: 10, rows: 10, count: 50) == 1)
        #expect(ListScroll.top(20, selected: 15, rows: 10, count: 50) == 15)
        #expect(ListScroll.top(45, selected: 49, rows: 10, count: 50) == 40)
        #expect(ListScroll.top(3, selected: 0, rows: 10, count: 2) == 0)
    }

    @Test func aSearchFailureEmptiesTheListAndForgetsTheMethods() {
        var state = loaded([Fixtures.alice])
        _ = state.apply(.action(.search))
        _ = state.apply(.key(.character("z")))
        let error = ServiceError(kind: .unavailable, status: 503, message: "Service unavailable", requestID: "r-1")
        _ = state.apply(.searchAnswered(generation: state.list.generation, .failure(error)))
        #expect(state.users.isEmpty)
        #expect(state.methods == .none)
        #expect(state.list.status == .failed(error))
        #expect(state.flash?.text == "Search failed: Service unavailable (HTTP 503, request id r-1)")
    }
}
