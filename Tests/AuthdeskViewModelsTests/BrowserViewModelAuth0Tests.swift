import AuthdeskCore
import AuthdeskServices
import AuthdeskViewModels
import Foundation
import Testing

/// Auth0's dialogs (`o`, `K`, `E`, `D`, `F`) and Graph's temporary QR code (`v`), through the
/// view model over the fake provider: each sends its one change, and a secret is shown once.
@Suite(.timeLimit(.minutes(1)))
struct BrowserViewModelAuth0Tests {
    private static let noa = DirectoryUser(id: "auth0|noa", displayName: "Noa Mfa", principalName: "no.mfa@example.com")
    private static let acme = TenantInfo(name: "acme", provider: .auth0, id: "acme.example", domain: "acme.example")

    private func opened(graph: Bool = false) async -> Harness {
        let methods: [AuthMethod] = [.auth0(Auth0Method(id: "password|1", type: "password"))]
        let provider = graph
            ? FakeIdentityProvider(users: [Self.noa], methods: [Self.noa.id: methods])
            : FakeIdentityProvider(tenant: Self.acme, users: [Self.noa], methods: [Self.noa.id: methods], capabilities: ProviderAction.auth0)
        let h = Harness(provider: provider)
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.open))
        await h.wait { $0.focus == .methods && $0.methods.methods == methods }
        return h
    }

    @Test func anAuthenticatorAppShowsItsUriOnceMaskedFirst() async throws {
        let h = await opened()
        #expect(h.model.perform(.addTotp))
        let dialog = try #require(h.state.dialog)
        guard case .auth0(.addTotp(let secret)) = dialog.kind else { Issue.record("not the TOTP dialog"); return }
        #expect(dialog.buttons == [.confirm, .cancel])
        #expect(h.model.perform(.confirm))
        let result = await h.wait { $0.dialog?.phase == .result }
        #expect(h.provider.writes == [.addAuth0Method(Self.noa.id, type: "totp")])
        let uri = try #require(result.dialog?.secret).reveal()
        #expect(uri.hasPrefix("otpauth://totp/acme.example:no.mfa@example.com?secret=\(secret.reveal())"))
        #expect(result.dialog?.secretLabel == "otpauth URI")
        #expect(result.dialog?.revealed == false)
        h.model.perform(.closeDialog)
        #expect(h.state.dialog == nil)
    }

    @Test func aTicketAsksForTheFactorAndShowsTheLinkOnce() async throws {
        let h = await opened()
        #expect(h.model.perform(.enrollmentTicket))
        #expect(h.state.dialog?.field(.factor)?.options.first == "any")
        h.model.perform(.toggleChoice)
        h.model.perform(.toggleChoice)
        #expect(h.model.perform(.confirm))
        let result = await h.wait { $0.dialog?.phase == .result }
        #expect(h.provider.writes == [.ticket(Self.noa.id, factor: EnrollmentTicketRequest.Factor.allCases[1].rawValue)])
        #expect(result.dialog?.secret?.reveal() == FakeIdentityProvider.ticketURL)
    }

    @Test func aSecurityKeyIsCheckedAsTyped() async throws {
        let h = await opened()
        #expect(h.model.perform(.addSecurityKey))
        h.model.type("a2V5")
        h.model.perform(.nextField)
        h.model.type("cHVi")
        h.model.perform(.nextField)
        h.model.type("not a host")
        #expect(h.state.dialog?.visibleProblem(for: .relyingParty)?.contains("host name") == true)
        #expect(h.state.dialog?.visibleProblem(for: .keyID) == nil)
        h.model.perform(.clearInput)
        h.model.type("example.com")
        #expect(h.model.perform(.confirm))
        await h.wait { $0.dialog == nil }
        #expect(h.provider.writes == [.addAuth0Method(Self.noa.id, type: "webauthn-roaming")])
    }

    @Test func deleteAllAndForgetBrowsersAreDestructive() async throws {
        let h = await opened()
        #expect(h.model.perform(.deleteAllMethods))
        #expect(h.state.dialog?.buttons == [.cancel, .confirm])
        #expect(h.state.dialog?.focus == .cancel)
        h.model.perform(.nextField)
        #expect(h.model.perform(.confirm))
        await h.wait { $0.dialog == nil && $0.methods.methods.isEmpty }
        #expect(h.model.perform(.forgetBrowsers))
        h.model.perform(.nextField)
        #expect(h.model.perform(.confirm))
        await h.wait { $0.dialog == nil }
        #expect(h.provider.writes == [.deleteAll(Self.noa.id), .forgetBrowsers(Self.noa.id)])
    }

    @Test func theKeysFollowTheProviderAndReadOnly() async {
        let auth0 = await opened()
        let auth0Keys = Set(auth0.state.keyMap.helpSections().flatMap(\.entries).map(\.description))
        #expect(auth0Keys.contains("delete all methods"))
        #expect(!auth0Keys.contains("a temporary QR code (forgotten badge)"))
        #expect(!auth0.state.keyMap.readOnly().helpSections().flatMap(\.entries).contains { $0.description == "delete all methods" })
        let graph = await opened(graph: true)
        let graphKeys = Set(graph.state.keyMap.helpSections().flatMap(\.entries).map(\.description))
        #expect(graphKeys.contains("a temporary QR code (forgotten badge)"))
        #expect(!graphKeys.contains("delete all methods"))
    }

    @Test func aTemporaryQrCodeTakesOneToTwelveHours() async {
        let h = await opened(graph: true)
        #expect(h.model.perform(.temporaryQrCode))
        #expect(h.state.dialog?.field(.qrHours)?.text == "8")
        #expect(h.state.dialog?.focus == .cancel)
        h.model.perform(.previousField)
        h.model.perform(.clearInput)
        h.model.type("13")
        #expect(h.state.dialog?.visibleProblem(for: .qrHours)?.contains("1 to 12 hours") == true)
        h.model.perform(.clearInput)
        h.model.type("4")
        #expect(h.model.perform(.confirm))
        await h.wait { $0.dialog == nil }
        #expect(h.provider.writes == [.temporaryQrCode(Self.noa.id, hours: 4)])
    }

    @Test func replacingAllByATotpAppShowsItsUriAndAPhoneIsChecked() async throws {
        let h = await opened()
        #expect(h.model.perform(.replaceAllMethods))
        #expect(h.state.dialog?.field(.replaceType)?.options == ["phone (sms)", "email", "totp (secret generated)"])
        h.model.perform(.previousField)
        h.model.type("0415")
        #expect(h.state.dialog?.visibleProblem(for: .replaceValue)?.contains("E.164") == true)
        h.model.perform(.previousField)
        h.model.perform(.toggleChoice)
        h.model.perform(.toggleChoice)
        #expect(h.state.dialog?.visibleProblem(for: .replaceValue) == nil, "a TOTP app needs no number")
        #expect(h.model.perform(.confirm))
        let result = await h.wait { $0.dialog?.phase == .result }
        #expect(h.provider.writes == [.replaceAll(Self.noa.id, types: ["totp"])])
        #expect(result.dialog?.secret?.reveal().hasPrefix("otpauth://totp/") == true)
        #expect(result.dialog?.secretIsKeyURI == true)
    }

    @Test func aPhoneIsRenamedAndMovedToVoiceAndEnrollmentsDeleted() async throws {
        let phone = Auth0Method(id: "phone|dev_9", type: "phone", name: "Old", phoneNumber: "+14155550123", preferredAuthenticationMethod: "sms")
        let provider = FakeIdentityProvider(
            tenant: Self.acme, users: [Self.noa], methods: [Self.noa.id: [.auth0(phone)]], capabilities: ProviderAction.auth0)
        let h = Harness(provider: provider)
        h.model.start()
        await h.settle()
        #expect(h.model.perform(.open))
        await h.wait { $0.focus == .methods && !$0.methods.methods.isEmpty }
        #expect(h.model.perform(.changeAuth0Method))
        #expect(h.state.dialog?.field(.methodName)?.text == "Old")
        h.model.perform(.previousField)
        h.model.perform(.toggleChoice)
        h.model.perform(.previousField)
        h.model.perform(.clearInput)
        h.model.type("Desk")
        #expect(h.model.perform(.confirm))
        await h.wait { $0.dialog == nil }
        #expect(h.model.perform(.deleteEnrollments))
        h.model.perform(.nextField)
        #expect(h.model.perform(.confirm))
        await h.wait { $0.dialog == nil && $0.methods.methods.isEmpty }
        #expect(h.provider.writes == [
            .changeMethod(Self.noa.id, methodID: "phone|dev_9", name: "Desk", channel: "voice"), .deleteEnrollments(Self.noa.id),
        ])
    }
}
