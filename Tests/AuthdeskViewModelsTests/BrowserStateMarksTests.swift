import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BrowserStateMarksTests {
    private func harness(users: [DirectoryUser] = [Fixtures.alice, Fixtures.alan, Fixtures.bob], readOnly: Bool = false) -> Harness {
        Harness(provider: FakeIdentityProvider(users: users, methods: [Fixtures.alice.id: Fixtures.aliceMethods]), readOnly: readOnly)
    }

    @Test func spaceMarksTheSelectedUserAndMovesDown() async {
        let h = harness()
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.toggleMark))
        let state = await h.settle()
        #expect(state.marks.contains(tenant: "contoso", userID: Fixtures.alice.id))
        #expect(state.list.current == Fixtures.alan)
        #expect(state.marks.summary() == "marked: contoso 1")
        h.model.perform(.moveUp)
        h.model.perform(.toggleMark)
        #expect(h.state.marks.isEmpty)
    }

    @Test func marksSurviveNewSearches() async {
        let h = harness()
        h.model.start()
        await h.settle()
        h.model.perform(.toggleMark)
        h.model.perform(.toggleMark)
        await h.settle()
        h.model.perform(.search)
        h.model.type("bob")
        await h.clock.waitForSleepers(1)
        h.clock.advance(by: .milliseconds(300))
        let state = await h.wait { $0.query == "bob" && $0.list.status == .loaded && $0.pendingRequests == 0 }
        #expect(state.users == [Fixtures.bob])
        #expect(state.marks.entries.map(\.user) == [Fixtures.alice, Fixtures.alan])
        #expect(state.marks.summary() == "marked: contoso 2")
    }

    @Test func markAllLoadsEveryPageFirst() async {
        let h = harness(users: Fixtures.numbered(25))
        h.model.start()
        let first = await h.settle()
        #expect(first.users.count == 10)
        #expect(first.list.nextCursor != nil)
        #expect(h.model.perform(.markAll))
        let state = await h.wait { !$0.marking.markingAll && $0.pendingRequests == 0 }
        #expect(state.marks.count == 25)
        #expect(state.users.count == 25)
        #expect(state.flash?.text == "Marked 25 users: every result of the whole list")
        #expect(h.provider.calls.filter { if case .next = $0 { true } else { false } }.count == 2)
    }

    @Test func clearingMarksByKeyOrCommand() async {
        let h = harness()
        h.model.start()
        await h.settle()
        h.model.perform(.toggleMark)
        #expect(h.model.perform(.clearMarks))
        #expect(h.state.marks.isEmpty)
        #expect(h.state.flash?.text == "Cleared 1 mark")
        h.model.perform(.toggleMark)
        h.model.perform(.commandLine)
        h.model.type("unmark")
        h.model.perform(.accept)
        #expect(h.state.marks.isEmpty)
    }

    @Test func marksAreKeptPerTenant() {
        var marks = Marks()
        marks.insert(tenant: "contoso", user: Fixtures.alice)
        marks.insert(tenant: "fabrikam", user: Fixtures.alice)
        marks.insert(tenant: "contoso", user: Fixtures.bob)
        #expect(marks.count == 3)
        #expect(marks.summary() == "marked: contoso 2 · fabrikam 1")
        marks.remove(tenant: "contoso", userID: Fixtures.alice.id)
        #expect(marks.contains(tenant: "fabrikam", userID: Fixtures.alice.id))
        #expect(!marks.contains(tenant: "contoso", userID: Fixtures.alice.id))
        #expect(marks.entries.map(\.tenant) == ["contoso", "fabrikam"])
    }

    @Test func resetOpensTheBulkScreenForTheMarkedOrTheSelectedUser() async throws {
        let provider = FakeIdentityProvider(users: [Fixtures.alice, Fixtures.alan, Fixtures.bob])
        let bulk = try BulkHarness(removers: [
            "contoso": FakeRemover(methods: [Fixtures.alice.id: Fixtures.aliceMethods, Fixtures.bob.id: Fixtures.aliceMethods]),
        ])
        let model = BrowserViewModel(provider: provider, clock: ManualClock(), settings: Harness.settings, bulk: bulk.model)
        let changed = Condition()
        model.observe { _ in changed.signal() }
        model.start()
        await changed.wait { model.state.list.status == .loaded && model.state.pendingRequests == 0 }

        #expect(model.perform(.bulkReset))
        #expect(bulk.state.phase == .policy)
        #expect(bulk.state.targets == [Marks.Entry(tenant: "contoso", user: Fixtures.alice)])
        bulk.model.perform(.back)
        #expect(bulk.state.phase == .closed)

        model.perform(.toggleMark)
        model.perform(.moveDown)
        model.perform(.toggleMark)
        #expect(model.perform(.bulkReset))
        #expect(bulk.state.targets.map(\.user) == [Fixtures.alice, Fixtures.bob])
        bulk.model.perform(.accept)
        await bulk.wait { $0.phase == .plan }
        bulk.model.perform(.accept)
        bulk.model.type("RESET 2")
        bulk.model.perform(.accept)
        await bulk.wait { $0.phase == .summary }
        bulk.model.perform(.back)
        await changed.wait { model.state.marks.isEmpty }
        #expect(model.state.marks.isEmpty)
    }

    @Test func readOnlyHasNoResetKey() async {
        let h = harness(readOnly: true)
        h.model.start()
        await h.settle()
        #expect(!h.state.keyMap.bindings.contains { $0.action == .bulkReset })
        #expect(!h.model.perform(.bulkReset))
        #expect(h.model.perform(.toggleMark))
    }
}
