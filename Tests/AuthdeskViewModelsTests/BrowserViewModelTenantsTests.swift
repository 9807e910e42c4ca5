import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Testing

/// Switching tenant in the browser: `:tenant NAME`, the picker, a failed sign-in, read-only
/// tenants beside writable ones, and what each provider offers.
@Suite(.timeLimit(.minutes(1)))
struct BrowserViewModelTenantsTests {
    static let olga = DirectoryUser(id: "u-olga", displayName: "Olga Smirnova", principalName: "olga.smirnova@fabrikam.com")
    static let olgaMethods: [AuthMethod] = [.email(EmailMethod(id: "em-olga", emailAddress: "olga.smirnova@example.org"))]
    static let marta = DirectoryUser(id: "auth0|marta", displayName: "Marta Nowak", principalName: "marta.nowak@example.com")

    let contoso = FakeIdentityProvider(
        users: [Fixtures.alice, Fixtures.bob], methods: [Fixtures.alice.id: Fixtures.aliceMethods])
    let fabrikam: FakeIdentityProvider
    let acme = FakeIdentityProvider(
        tenant: TenantInfo(name: "acme", provider: .auth0, id: "acme.eu.auth0.com", domain: "acme.eu.auth0.com"),
        users: [marta], methods: [marta.id: [.password(PasswordMethod())]], capabilities: ProviderAction.auth0)
    let directory: FakeTenantDirectory

    init() {
        self.init(fabrikamReadOnly: false)
    }

    init(fabrikamReadOnly: Bool) {
        fabrikam = FakeIdentityProvider(
            tenant: TenantInfo(
                name: "fabrikam", provider: .graph, id: "tid-f", domain: "fabrikam.com", color: "magenta",
                readOnly: fabrikamReadOnly),
            users: [Self.olga], methods: [Self.olga.id: Self.olgaMethods])
        directory = FakeTenantDirectory([contoso, fabrikam, acme])
    }

    private func started(readOnly: Bool = false) async -> Harness {
        let h = Harness(directory: directory, provider: contoso, readOnly: readOnly)
        h.model.start()
        await h.settle()
        return h
    }

    private func command(_ h: Harness, _ text: String) {
        #expect(h.model.perform(.commandLine))
        h.model.type(text)
        #expect(h.model.perform(.accept))
    }

    private func destructiveBindings(_ state: BrowserState) -> [KeyBinding] {
        state.keyMap.bindings.filter(\.isDestructive)
    }

    /// Each tenant has its own operator and roles: after a switch the dialogs' pre-flight and the
    /// help speak of the operator signed in to the new tenant, and back again.
    @Test func theOperatorFollowsTheTenant() async {
        contoso.setOperator(OperatorProfile(
            signIn: .user(principalName: "helpdesk@contoso.com", id: "op-c"), roles: [.authenticationAdministrator]))
        fabrikam.setOperator(OperatorProfile(
            signIn: .user(principalName: "admin@fabrikam.com", id: "op-f"), roles: [.privilegedAuthenticationAdministrator]))
        let h = await started()
        await h.wait { $0.operatorLine?.contains("helpdesk@contoso.com") == true }
        command(h, "tenant fabrikam")
        var state = await h.wait { $0.tenant.name == "fabrikam" && $0.operatorLine?.contains("admin@fabrikam.com") == true }
        #expect(state.operatorLine?.contains("Privileged Authentication Administrator") == true)
        command(h, "tenant contoso")
        state = await h.wait { $0.tenant.name == "contoso" && $0.operatorLine?.contains("helpdesk@contoso.com") == true }
        #expect(state.operatorLine?.contains("admin@fabrikam.com") == false)
    }

    @Test func tenantCommandSwitchesTenantListAndMethods() async {
        let h = await started()
        #expect(h.state.tenants.map(\.name) == ["contoso", "fabrikam", "acme"])
        #expect(h.state.users.map(\.id) == ["u-alice", "u-bob"])

        command(h, "tenant fabrikam")
        let state = await h.wait { $0.tenant.name == "fabrikam" && $0.pendingRequests == 0 && $0.methods.userID == "u-olga"
            && $0.methods.methods == Self.olgaMethods }
        #expect(state.tenant.color == "magenta")
        #expect(state.users.map(\.id) == ["u-olga"])
        #expect(state.query == "")
        #expect(state.tenancy.isSignedIn("fabrikam") && state.tenancy.isSignedIn("contoso") && !state.tenancy.isSignedIn("acme"))
        #expect(state.flash?.text.contains("Now in fabrikam") == true)
        #expect(directory.opened == ["fabrikam"])
        #expect(fabrikam.calls == [.search(""), .methods("u-olga")])
        #expect(contoso.calls == [.search(""), .methods("u-alice")])

        // Every later request goes to the new tenant.
        #expect(h.model.perform(.search))
        h.model.type("ol")
        // The switch's flash waits to expire; the search waits for the typing pause.
        await h.clock.waitForSleepers(2)
        h.clock.advance(by: .milliseconds(300))
        await h.settle(sleepers: 1)
        #expect(fabrikam.calls.contains(.search("ol")))
        #expect(!contoso.calls.contains(.search("ol")))
    }

    @Test func anUnknownTenantChangesNothingAndListsTheValidNames() async {
        let h = await started()
        let before = h.state
        command(h, "tenant nope")
        let state = h.state
        #expect(state.flash?.level == .error)
        #expect(state.flash?.text == "Unknown tenant 'nope' (tenants: contoso, fabrikam, acme)")
        #expect(state.tenant == before.tenant)
        #expect(state.users == before.users)
        #expect(state.tenancy.generation == before.tenancy.generation)
        #expect(directory.opened.isEmpty)
    }

    @Test func aFailedSignInKeepsTheCurrentTenantAndShowsCodeAndRequestID() async {
        let h = await started()
        directory.fail("fabrikam", with: ServiceError(
            kind: .signIn, status: 400, code: "invalid_client", message: "The client secret is wrong", requestID: "req-7f3a"))
        command(h, "tenant fabrikam")
        let state = await h.wait { $0.flash?.level == .error && $0.pendingRequests == 0 }
        #expect(state.tenant.name == "contoso")
        #expect(state.tenancy.switchingTo == nil)
        #expect(state.users.map(\.id) == ["u-alice", "u-bob"])
        #expect(state.methods == .loaded(userID: "u-alice", methods: Fixtures.aliceMethods))
        #expect(state.flash?.text.contains("invalid_client") == true)
        #expect(state.flash?.text.contains("req-7f3a") == true)
        #expect(!state.tenancy.isSignedIn("fabrikam"))
        #expect(fabrikam.calls.isEmpty)
    }

    @Test func aReadOnlyTenantLosesItsDestructiveKeysWhileOthersKeepThem() async {
        let tenants = BrowserViewModelTenantsTests(fabrikamReadOnly: true)
        let h = await tenants.started()
        let initial = h.state
        #expect(!initial.readOnly)
        #expect(!destructiveBindings(initial).isEmpty)

        command(h, "tenant fabrikam")
        let readOnly = await h.wait { $0.tenant.name == "fabrikam" && $0.list.status == .loaded && !$0.users.isEmpty }
        #expect(readOnly.readOnly)
        #expect(destructiveBindings(readOnly).isEmpty)
        #expect(h.model.perform(.open))
        #expect(!h.model.perform(.deleteMethod))
        #expect(!h.model.perform(.resetPassword))

        #expect(h.model.perform(.back))
        command(h, "tenant contoso")
        let writable = await h.wait { $0.tenant.name == "contoso" && $0.pendingRequests == 0 }
        #expect(!writable.readOnly)
        #expect(destructiveBindings(writable) == destructiveBindings(initial))
    }

    @Test func sessionReadOnlyStaysReadOnlyInEveryTenant() async {
        let h = await started(readOnly: true)
        command(h, "tenant acme")
        let state = await h.wait { $0.tenant.name == "acme" && $0.pendingRequests == 0 }
        #expect(state.readOnly)
        #expect(destructiveBindings(state).isEmpty)
    }

    @Test func theProvidersCapabilitiesDecideTheKeys() async {
        let h = await started()
        #expect(h.state.keyMap.bindings.contains { $0.action == .toggleSmsSignIn })
        #expect(h.state.keyMap.bindings.contains { $0.action == .revokeSessions })

        command(h, "tenant acme")
        let state = await h.wait { $0.tenant.name == "acme" && $0.pendingRequests == 0 && $0.methods.userID == Self.marta.id }
        #expect(state.capabilities == ProviderAction.auth0)
        #expect(!state.keyMap.bindings.contains { $0.action == .toggleSmsSignIn })
        #expect(state.keyMap.bindings.contains { $0.action == .revokeSessions })
        #expect(!state.keyMap.bindings.contains { $0.action == .perUserMfa })
        #expect(!state.keyMap.bindings.contains { $0.action == .issueTemporaryAccessPass })
        #expect(state.keyMap.bindings.contains { $0.action == .deleteMethod })
        #expect(h.model.perform(.open))
        #expect(!h.model.perform(.toggleSmsSignIn))
        #expect(h.model.perform(.back))

        command(h, "tenant contoso")
        let back = await h.wait { $0.tenant.name == "contoso" && $0.pendingRequests == 0 }
        #expect(back.keyMap.bindings.contains { $0.action == .toggleSmsSignIn })
        // contoso was kept: no second sign-in.
        #expect(directory.opened == ["acme", "contoso"])
    }

    @Test func thePickerListsTheTenantsAndSwitchesWithEnter() async {
        let h = await started()
        #expect(h.model.perform(.chooseTenant))
        #expect(h.state.tenancy.picker == TenantPicker(selected: 0))
        #expect(h.state.activeScopes == [.tenantPicker])
        // Keys move the picker, not the list behind it.
        #expect(h.model.perform(.moveDown))
        #expect(h.model.perform(.moveDown))
        #expect(h.model.perform(.moveDown))
        #expect(h.state.tenancy.picker == TenantPicker(selected: 2))
        #expect(h.state.list.selected == 0)
        #expect(h.model.perform(.moveUp))
        #expect(h.model.perform(.cancel))
        #expect(h.state.tenancy.picker == nil)
        #expect(h.state.tenant.name == "contoso")
        #expect(directory.opened.isEmpty)

        command(h, "tenant")
        #expect(h.state.tenancy.picker == TenantPicker(selected: 0))
        #expect(h.model.perform(.moveDown))
        #expect(h.model.perform(.moveDown))
        #expect(h.state.tenancy.picker == TenantPicker(selected: 2))
        #expect(h.model.perform(.accept))
        let state = await h.wait { $0.tenant.name == "acme" && $0.pendingRequests == 0 && $0.methods.userID == Self.marta.id }
        #expect(state.tenancy.picker == nil)
        #expect(state.users.map(\.principalName) == ["marta.nowak@example.com"])
    }

    @Test func aLaterSwitchWinsOverASlowerEarlierOne() async {
        let h = await started()
        directory.hold("fabrikam")
        command(h, "tenant fabrikam")
        await directory.waitForOpening("fabrikam")
        #expect(h.state.tenancy.switchingTo == "fabrikam")
        #expect(h.state.flash?.text == "Signing in to fabrikam\u{2026}")
        command(h, "tenant acme")
        // The abandoned sign-in still counts as pending until it answers.
        await h.wait { $0.tenant.name == "acme" && $0.pendingRequests == 1 && $0.methods.methods.count == 1 }
        directory.release("fabrikam")
        await h.wait { $0.pendingRequests == 0 }
        #expect(h.state.tenant.name == "acme")
        #expect(fabrikam.calls.isEmpty)
    }

    @Test func aSignInPromptShowsUntilTheNextMessage() async {
        let h = await started()
        h.model.announce("To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-1234")
        #expect(h.state.flash?.text.contains("ABCD-1234") == true)
        #expect(h.state.flash?.level == .info)
        #expect(h.clock.sleeperCount == 0)
    }
}
