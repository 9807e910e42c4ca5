import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// The account in the details pane (`i`) and the account dialogs, through the view model over
/// the fake provider.
@Suite(.timeLimit(.minutes(1)))
struct BrowserViewModelAccountTests {
    private static let cameron = DirectoryUser(
        id: "u-cam", displayName: "Cameron White", principalName: "CameronW@contoso.com", accountEnabled: true)
    private static let mobile = PhoneMethod(id: PhoneType.mobile.methodID, phoneNumber: "+1 2065555555", phoneType: .mobile)

    private func opened(methods: [AuthMethod] = [.password(PasswordMethod()), .phone(mobile)]) async -> Harness {
        let h = Harness(provider: FakeIdentityProvider(users: [Self.cameron], methods: [Self.cameron.id: methods]))
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.open))
        await h.wait { $0.focus == .methods && $0.methods.methods == methods }
        return h
    }

    @Test func theAccountIsShownOnAskingAndFollowsTheSelection() async {
        let h = await opened()
        #expect(h.state.accountPane.isShown == false)
        #expect(h.model.perform(.toggleAccount))
        let state = await h.wait {
            if case .loaded("u-cam", let details) = $0.accountPane.account { return details.accountEnabled == true }
            return false
        }
        #expect(state.accountPane.isShown)
        #expect(h.state.keyMap.hints(in: h.state.activeScopes).contains { $0.action == .toggleAccount })
        #expect(h.model.perform(.toggleAccount))
        #expect(h.state.accountPane.isShown == false)
    }

    @Test func blockingOpensADestructiveDialogAndTheAccountIsReadAgain() async {
        let h = await opened()
        h.model.perform(.toggleAccount)
        await h.wait { if case .loaded = $0.accountPane.account { return true } else { return false } }
        #expect(h.model.perform(.toggleSignIn))
        let dialog = try! #require(h.state.dialog)
        #expect(dialog.kind == .signIn(block: true))
        #expect(dialog.buttons == [.cancel, .confirm])
        h.model.perform(.nextField)
        #expect(h.state.dialog?.focus == .confirm)
        h.model.perform(.confirm)
        await h.wait { $0.dialog == nil }
        #expect(h.provider.writes == [.setAccountEnabled("u-cam", false)])
        await h.wait {
            if case .loaded(_, let details) = $0.accountPane.account { return details.accountEnabled == false }
            return false
        }
        #expect(h.model.perform(.toggleSignIn))
        #expect(h.state.dialog?.kind == .signIn(block: false))
    }

    @Test func theDefaultMethodDialogOffersWhatTheMethodsAllow() async {
        let h = await opened()
        #expect(h.model.perform(.defaultMethod))
        let dialog = try! #require(h.state.dialog)
        #expect(dialog.field(.defaultMethod)?.options == ["voiceMobile", "sms"])
        #expect(dialog.focus == .cancel)
        h.model.perform(.previousField)
        h.model.perform(.toggleChoice)
        #expect(h.state.dialog?.field(.defaultMethod)?.chosen == "sms")
        h.model.perform(.nextField)
        h.model.perform(.nextField)
        #expect(h.state.dialog?.focus == .confirm)
        h.model.perform(.confirm)
        await h.wait { $0.dialog == nil }
        #expect(h.provider.writes == [.setDefault("u-cam", .sms)])
    }

    @Test func noDefaultIsOfferedWithoutAMethodThatCanServe() async {
        let h = await opened(methods: [.password(PasswordMethod())])
        h.model.perform(.defaultMethod)
        #expect(h.state.dialog == nil)
        #expect(h.state.flash?.text.contains("has no method that can be the default") == true)
    }

    @Test func readOnlyRemovesTheAccountActionsButKeepsTheView() {
        let state = BrowserState(tenant: TenantInfo(name: "c", provider: .graph, id: "t", domain: "c.com"), readOnly: true)
        let actions = Set(state.keyMap.bindings.map(\.action))
        #expect(actions.contains(.toggleAccount))
        #expect(!actions.contains(.toggleSignIn))
        #expect(!actions.contains(.perUserMfa))
        #expect(!actions.contains(.defaultMethod))
    }
}
