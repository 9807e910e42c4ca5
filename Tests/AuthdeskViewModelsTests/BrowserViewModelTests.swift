import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Testing

@Suite(.timeLimit(.minutes(1)))
struct BrowserViewModelTests {
    private func harness(users: [DirectoryUser] = [Fixtures.alice, Fixtures.alan, Fixtures.bob]) -> Harness {
        Harness(provider: FakeIdentityProvider(
            users: users,
            methods: [Fixtures.alice.id: Fixtures.aliceMethods, Fixtures.bob.id: Fixtures.bobMethods]))
    }

    @Test func startListsEveryoneAndReadsTheFirstUsersMethods() async {
        let h = harness()
        h.model.start()
        let state = await h.settle()
        #expect(state.users.map(\.id) == ["u-alice", "u-alan", "u-bob"])
        #expect(state.list.status == .loaded)
        #expect(state.methods == .loaded(userID: "u-alice", methods: Fixtures.aliceMethods))
        #expect(h.provider.calls == [.search(""), .methods("u-alice")])
    }

    /// The console starts the model before it takes the terminal, and the session again.
    @Test func startingTwiceSearchesOnce() async {
        let h = harness()
        h.model.start()
        h.model.start()
        await h.settle()
        h.model.start()
        #expect(h.provider.calls == [.search(""), .methods("u-alice")])
    }

    @Test func typingIsDebouncedIntoOneSearch() async {
        let h = harness()
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.search))
        h.model.type("al")
        #expect(h.state.query == "al")
        await h.clock.waitForSleepers(1)
        h.clock.advance(by: .milliseconds(299))
        #expect(h.clock.sleeperCount == 1)
        #expect(!h.provider.calls.contains(.search("a")))
        #expect(!h.provider.calls.contains(.search("al")))
        h.clock.advance(by: .milliseconds(1))
        let state = await h.settle()
        #expect(h.provider.calls.filter { if case .search = $0 { true } else { false } } == [.search(""), .search("al")])
        #expect(state.users.map(\.id) == ["u-alice", "u-alan"])
    }

    @Test func aStaleAnswerNeverReplacesANewerOne() async {
        let h = harness()
        h.model.start()
        await h.settle()
        h.provider.hold(.search("a"))
        h.model.perform(.search)
        h.model.type("a")
        await h.clock.waitForSleepers(1)
        h.clock.advance(by: .milliseconds(300))
        await h.provider.waitForCall(.search("a"))

        h.model.type("la")
        await h.clock.waitForSleepers(1)
        h.clock.advance(by: .milliseconds(300))
        let newer = await h.wait { $0.list.status == .loaded && $0.query == "ala" && $0.pendingRequests == 1 }
        #expect(newer.users.map(\.id) == ["u-alan"])

        h.provider.release(.search("a"))
        let after = await h.wait { $0.pendingRequests == 0 }
        #expect(h.provider.answered.contains(.search("a")))
        #expect(after.users.map(\.id) == ["u-alan"])
        #expect(after.query == "ala")
    }

    @Test func aStaleMethodsAnswerIsDropped() async {
        let h = harness()
        h.provider.hold(.methods("u-alice"))
        h.model.start()
        await h.provider.waitForCall(.methods("u-alice"))
        #expect(h.model.perform(.moveDown))
        #expect(h.model.perform(.moveDown))
        await h.wait { $0.methods.userID == "u-bob" && $0.methods.methods == Fixtures.bobMethods }
        h.provider.release(.methods("u-alice"))
        let state = await h.wait { $0.pendingRequests == 0 }
        #expect(state.methods == .loaded(userID: "u-bob", methods: Fixtures.bobMethods))
    }

    @Test func methodsLoadOnlyOnceTheSelectionSettles() async {
        var settings = Harness.settings
        settings.methodsSettle = .milliseconds(100)
        let h = Harness(
            provider: FakeIdentityProvider(users: Fixtures.numbered(5)), settings: settings)
        h.model.start()
        await h.clock.waitForSleepers(1)
        h.model.perform(.moveDown)
        h.model.perform(.moveDown)
        h.model.perform(.moveDown)
        await h.clock.waitForSleepers(1)
        #expect(h.state.methods == .loading(userID: "id-003"))
        h.clock.advance(by: .milliseconds(100))
        await h.settle()
        #expect(h.provider.calls == [.search(""), .methods("id-003")])
    }

    @Test func theNextPageLoadsWhenTheSelectionNearsTheEnd() async {
        let h = harness(users: Fixtures.numbered(25))
        h.model.start()
        var state = await h.settle()
        #expect(state.users.count == 10)
        #expect(state.list.nextCursor != nil)
        for _ in 0..<6 { h.model.perform(.moveDown) }
        #expect(!h.provider.calls.contains { if case .next = $0 { true } else { false } })
        h.model.perform(.moveDown)
        state = await h.settle()
        #expect(state.users.count == 20)
        #expect(state.list.selected == 7)
        h.model.perform(.bottom)
        state = await h.settle()
        #expect(state.users.count == 25)
        #expect(state.list.nextCursor == nil)
        #expect(state.users.map(\.id) == Fixtures.numbered(25).map(\.id))
        let pages = h.provider.calls.filter { if case .next = $0 { true } else { false } }
        #expect(pages.count == 2)
    }

    @Test func aFailedSearchShowsTheCodeAndRequestID() async {
        let h = harness()
        h.provider.fail(.search(""), with: ServiceError(
            kind: .throttled, status: 429, code: "TooManyRequests", message: "Too many requests",
            requestID: "req-42"))
        h.model.start()
        let state = await h.settle()
        guard case .failed(let error) = state.list.status else {
            Issue.record("expected a failed search, got \(state.list.status)")
            return
        }
        #expect(error.requestID == "req-42")
        #expect(state.users.isEmpty)
        #expect(state.flash?.level == .error)
        #expect(state.flash?.text.contains("TooManyRequests") == true)
        #expect(state.flash?.text.contains("request id req-42") == true)
    }

    @Test func failedMethodsShowTheErrorInThePaneAndTheFlashLine() async {
        let h = harness()
        let error = ServiceError(
            kind: .forbidden, status: 403, code: "Authorization_RequestDenied",
            message: "Insufficient privileges", requestID: "9f1c")
        h.provider.fail(.methods("u-alice"), with: error)
        h.model.start()
        let state = await h.settle()
        #expect(state.methods == .failed(userID: "u-alice", error: error))
        #expect(state.flash?.text == "Could not read methods: Insufficient privileges (HTTP 403 Authorization_RequestDenied, request id 9f1c)")
        h.model.perform(.moveDown)
        #expect(h.state.flash == nil)
    }

    @Test func keysDriveFocusHelpAndTheCommandLine() async {
        let h = harness()
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.open))
        #expect(h.state.focus == .methods)
        #expect(h.model.perform(.moveDown))
        #expect(h.state.methodsPane.current == Fixtures.aliceMethods[1])
        #expect(h.model.perform(.back))
        #expect(h.state.focus == .users)
        #expect(h.model.perform(.nextPane))
        #expect(h.state.focus == .methods)
        #expect(h.model.perform(.nextPane))
        #expect(h.state.focus == .users)

        #expect(h.model.perform(.help))
        #expect(h.state.help.isShown)
        #expect(!h.model.perform(.search), "help is modal: / does nothing there")
        #expect(h.model.perform(.closeHelp))
        #expect(!h.state.help.isShown)

        #expect(h.model.perform(.commandLine))
        h.model.type("tenants x")
        #expect(h.model.perform(.accept))
        #expect(h.state.flash?.level == .error)
        #expect(h.state.flash?.text == "Unknown command :tenants x (valid: :q, :quit, :help, :jobs, :unmark, :journal, :whoami, :activity, :ticket REF, :tenant NAME, :tenant)")
        #expect(!h.state.quitRequested)
        h.model.perform(.commandLine)
        h.model.type("q")
        h.model.perform(.accept)
        #expect(h.state.quitRequested)
    }

    @Test func qQuitsButTypesIntoTheSearchLine() async {
        let h = harness()
        h.model.start()
        await h.settle()
        h.model.perform(.search)
        h.model.press(.character("q"))
        #expect(h.state.query == "q")
        #expect(!h.state.quitRequested)
        h.model.perform(.deleteBackward)
        #expect(h.state.query == "")
        h.model.perform(.cancel)
        #expect(h.state.input == nil)
        h.model.press(.character("q"))
        #expect(h.state.quitRequested)
    }

    @Test func whileSearchingLettersTypeAndArrowsMove() async {
        let h = harness()
        h.model.start()
        await h.settle()
        h.model.perform(.search)
        h.model.press(.character("j"))
        #expect(h.state.query == "j")
        #expect(h.state.list.selected == 0)
        h.model.perform(.clearInput)
        h.model.press(.down)
        #expect(h.state.input == .search)
        #expect(h.state.list.selected == 1)
        #expect(h.model.perform(.bottom))
        #expect(h.state.list.current == Fixtures.bob)
        #expect(h.model.perform(.accept))
        #expect(h.model.perform(.open))
        #expect(h.state.focus == .methods)
    }

    @Test func ctrlLAsksForAWholeRedraw() {
        let h = harness()
        #expect(h.state.redrawRequests == 0)
        h.model.press(.control("l"))
        #expect(h.state.redrawRequests == 1)
        h.model.perform(.search)
        #expect(!h.model.perform(.redraw), "not while typing a search")
    }

    @Test func readOnlyRemovesDestructiveBindingsFromTheModel() {
        let destructive = KeyBinding(.character("D"), .reload, scope: .methods, "delete method", isDestructive: true)
        let map = KeyMap(KeyMap.standard.bindings + [destructive])
        let provider = FakeIdentityProvider(users: [])
        let writable = BrowserViewModel(provider: provider, keyMap: map)
        let readOnly = BrowserViewModel(provider: provider, keyMap: map, readOnly: true)
        #expect(writable.state.keyMap.bindings.contains(destructive))
        #expect(!readOnly.state.keyMap.bindings.contains(destructive))
        #expect(readOnly.state.readOnly)

        let tenant = TenantInfo(name: "prod", provider: .auth0, id: "x", domain: "prod.eu.auth0.com", readOnly: true)
        let fromTenant = BrowserViewModel(provider: FakeIdentityProvider(tenant: tenant, users: []), keyMap: map)
        #expect(fromTenant.state.readOnly)
        #expect(!fromTenant.state.keyMap.bindings.contains(destructive))
    }

    @Test func anInformationFlashFadesOnTheClock() async {
        let h = harness()
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.reload))
        #expect(h.state.flash?.level == .info)
        #expect(h.state.flash?.text == "Reloading the methods of Alice Smith")
        await h.settle(sleepers: 1)
        h.clock.advance(by: .seconds(4))
        await h.wait { $0.flash == nil }
    }
}
