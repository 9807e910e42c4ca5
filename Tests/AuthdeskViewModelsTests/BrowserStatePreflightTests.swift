import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// The pre-flight in the dialogs, through the view model: a fake provider, the manual clock.
/// The dialog says "checking…" until the verdict, then shows it; a refusal changes the confirm
/// button's label but still lets the operator send (the service decides).
@Suite(.timeLimit(.minutes(1)))
struct BrowserStatePreflightTests {
    static let priya = DirectoryUser(id: "u-priya", displayName: "Priya Raman", principalName: "priya.raman@contoso.com")
    static let soren = DirectoryUser(id: "u-soren", displayName: "Søren Kjærgaard", principalName: "soren@contoso.com")
    static let mobile = PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 4255550142", phoneType: .mobile)
    static let methods: [AuthMethod] = [.password(PasswordMethod()), .phone(mobile)]
    static let helpdesk = OperatorProfile(
        signIn: .user(principalName: "helpdesk@contoso.com", id: "u-helpdesk"), roles: [.authenticationAdministrator])

    /// A browser with `user`'s methods open, the operator an Authentication Administrator.
    func opened(_ user: DirectoryUser, roles: [AdminRole] = [], synced: Bool = false) async -> Harness {
        let provider = FakeIdentityProvider(users: [user], methods: [user.id: Self.methods])
        provider.setOperator(Self.helpdesk)
        provider.setFacts(of: user.id, roles: roles, synced: synced)
        let h = Harness(provider: provider)
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.open))
        await h.wait { $0.focus == .methods && $0.methods.methods == Self.methods && $0.operatorProfile != nil }
        return h
    }

    @Test func theOperatorsRoleIsKnownAfterStart() async {
        let h = await opened(Self.priya)
        #expect(h.state.operatorLine == "signed in as helpdesk@contoso.com · Authentication Administrator")
    }

    @Test func deletingAnAdminsMethodShowsCheckingThenTheRefusal() async throws {
        let h = await opened(Self.priya, roles: [.globalAdministrator])
        h.provider.hold(.facts("u-priya"))
        h.model.perform(.moveDown)
        #expect(h.model.perform(.deleteMethod))
        await h.provider.waitForCall(.facts("u-priya"))
        #expect(h.state.dialog?.preflight == .checking)
        #expect(h.state.dialog?.preflightLine == "Pre-flight: checking…")
        #expect(h.state.dialog?.confirmLabel == "Delete")
        h.provider.release(.facts("u-priya"))
        let state = await h.wait { $0.dialog?.preflight?.verdict != nil }
        let dialog = try #require(state.dialog)
        #expect(dialog.willBeRefused)
        #expect(dialog.preflightLine == "Will be refused: Priya Raman is a Global Administrator; an Authentication Administrator cannot change an administrator's methods: ask a Privileged Authentication Administrator")
        #expect(dialog.confirmLabel == "Delete anyway (will be refused)")
        #expect(h.provider.writes.isEmpty)
    }

    @Test func theOperatorMayStillTryAndTheServiceDecides() async {
        let h = await opened(Self.priya, roles: [.globalAdministrator])
        h.model.perform(.moveDown)
        h.model.perform(.deleteMethod)
        await h.wait { $0.dialog?.willBeRefused == true }
        h.provider.fail(.delete("u-priya", methodID: Self.mobile.id), with: ServiceError(
            kind: .forbidden, status: 403, code: "accessDenied", message: "Request Authorization failed", requestID: "r-1"))
        h.model.perform(.nextField)
        #expect(h.state.dialog?.focus == .confirm)
        h.model.perform(.confirm)
        let state = await h.wait {
            if case .refused = $0.dialog?.phase { return true }
            return false
        }
        #expect(h.provider.writes == [.delete("u-priya", methodID: Self.mobile.id)])
        #expect(state.dialog?.willBeRefused == true)
    }

    @Test func aSyncedUsersPasswordResetIsAWarning() async throws {
        let h = await opened(Self.soren, synced: true)
        #expect(h.model.perform(.resetPassword))
        let state = await h.wait { $0.dialog?.preflight?.verdict != nil }
        let dialog = try #require(state.dialog)
        #expect(dialog.preflight?.verdict?.level == .warning)
        #expect(dialog.preflightLine?.hasPrefix("Warning: Søren Kjærgaard is synced from on-premises; the password reset needs password writeback") == true)
        #expect(dialog.confirmLabel == "Reset")
        #expect(!dialog.willBeRefused)
    }

    @Test func aClearVerdictShowsNothing() async throws {
        let h = await opened(Self.soren)
        #expect(h.model.perform(.addPhone))
        let state = await h.wait { $0.dialog?.preflight?.verdict != nil }
        #expect(state.dialog?.preflight == .answered(.clear))
        #expect(state.dialog?.preflightLine == nil)
        #expect(state.dialog?.confirmLabel == "Add")
    }

    @Test func aVerdictForAClosedDialogIsDropped() async throws {
        var state = BrowserState(tenant: TenantInfo(name: "contoso", provider: .graph, id: "t", domain: "contoso.com"))
        _ = state.apply(.start)
        _ = state.apply(.searchAnswered(generation: state.list.generation, .success(UserPage(users: [Self.priya]))))
        _ = state.apply(.methodsAnswered(generation: state.methodsPane.generation, userID: Self.priya.id, .success(Self.methods)))
        _ = state.apply(.action(.nextPane))
        let effects = state.apply(.action(.revokeSessions))
        let first = try #require(state.dialog?.id)
        #expect(effects == [.preflight(.revokeSessions, userID: Self.priya.id, dialogID: first)])
        _ = state.apply(.action(.closeDialog))
        _ = state.apply(.action(.issueTemporaryAccessPass))
        let second = try #require(state.dialog?.id)
        _ = state.apply(.preflightAnswered(dialogID: first, .refused("old")))
        #expect(state.dialog?.preflight == .checking)
        _ = state.apply(.preflightAnswered(dialogID: second, .clear))
        #expect(state.dialog?.preflight == .answered(.clear))
    }

    @Test(arguments: [
        (DialogKind.addPhone, PreflightAction.changeMethods), (.revokeSessions, .revokeSessions),
        (.resetPassword, .resetPassword), (.temporaryAccessPass, .temporaryAccessPass), (.addEmail, .changeMethods),
    ])
    func eachDialogHasItsRule(_ kind: DialogKind, _ action: PreflightAction) {
        #expect(kind.preflightAction == action)
    }
}
