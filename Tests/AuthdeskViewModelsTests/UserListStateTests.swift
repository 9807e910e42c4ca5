import AuthdeskCore
@testable import AuthdeskViewModels
import Testing

struct UserListStateTests {
    @Test func aNewSearchBumpsTheGenerationAndStopsPaging() {
        var list = UserListState()
        list.query = "al"
        list.isLoadingMore = true
        let search = list.startSearch(debounce: true)
        #expect(search == .search(query: "al", generation: 1, debounce: true))
        #expect(list.status == .searching)
        #expect(!list.isLoadingMore)
    }

    @Test func thePageAfterTheSelectionIsAskedForOnceNearTheEnd() {
        var list = UserListState()
        list.answered(UserPage(users: Fixtures.numbered(12), next: PageCursor("p2")))
        let paging = list.pageIfNearEnd(threshold: 10).isEmpty
        #expect(paging)
        let moved = list.move(by: 5)
        #expect(moved)
        let paging2 = list.pageIfNearEnd(threshold: 10)
        #expect(paging2 == [.loadMoreUsers(cursor: PageCursor("p2"), generation: 0)])
        let paging3 = list.pageIfNearEnd(threshold: 10).isEmpty
        #expect(paging3, "already loading")
    }

    @Test func anEmptyListDoesNotMove() {
        var list = UserListState()
        let moved = list.move(by: 1)
        #expect(!moved)
        #expect(list.current == nil)
    }
}
