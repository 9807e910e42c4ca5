import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Testing
@testable import AuthdeskServices

/// The Auth0 provider's writes against the sandbox over real HTTP, and what is refused before
/// anything is sent.
@Suite struct Auth0ProviderWritesTests {
    let user = Auth0SandboxHarness.noMfa

    @Test func eachKindOfMethodIsCreated() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let sms = try await auth0.createMethod(for: user, .phone(number: "+1 415 555 0123", name: "Mobile"))
        let voice = try await auth0.createMethod(for: user, .phone(number: "+442071234567", channel: .voice))
        let email = try await auth0.createMethod(for: user, .email(address: "noa@example.com", name: "Email Factor"))
        let totp = try await auth0.createMethod(for: user, .totp(secret: Secret("jbswy3dpehpk3pxp")))
        let key = try await auth0.createMethod(
            for: user, .webAuthnRoaming(keyID: "k3y1d", publicKey: "pQECAyYgASFYIG4p", relyingParty: "example.com", name: "YubiKey"))
        let listed = try await auth0.methods(of: user)
        await harness.sandbox.stop()
        #expect(sms.type == "phone")
        #expect(sms.phoneNumber == "+14155550123")
        #expect(sms.preferredAuthenticationMethod == "sms")
        #expect(sms.name == "Mobile")
        #expect(sms.confirmed == true)
        #expect(voice.preferredAuthenticationMethod == "voice")
        #expect(email.email == "noa@example.com")
        #expect(totp.kind == .auth0Totp)
        #expect(key.kind == .auth0WebAuthnRoaming)
        #expect(listed.map(\.id) == [sms, voice, email, totp, key].map(\.id))
    }

    @Test func aDuplicateIsABadInputThatSaysItExists() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        _ = try await auth0.createMethod(for: user, .email(address: "noa@example.com"))
        let error = await #expect(throws: ServiceError.self) {
            try await auth0.createMethod(for: user, .email(address: "NOA@example.com"))
        }
        await harness.sandbox.stop()
        #expect(error?.kind == .badInput)
        #expect(error?.status == 409)
        #expect(error?.message.contains("already exists") == true)
        #expect(error?.requestID?.isEmpty == false)
    }

    @Test func overThePerUserLimitIsForbiddenWithAuth0sMessage() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        for index in 0..<20 {
            _ = try await auth0.createMethod(for: user, .email(address: "noa\(index)@example.com"))
        }
        let error = await #expect(throws: ServiceError.self) {
            try await auth0.createMethod(for: user, .email(address: "noa20@example.com"))
        }
        await harness.sandbox.stop()
        #expect(error?.kind == .forbidden)
        #expect(error?.code == "too_many_entities")
        #expect(error?.message.contains("limit") == true)
    }

    @Test func aMethodIsRenamedAndItsChannelChanged() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let phoneID = "phone|dev_M4rt4Ph0n3Sms00001"
        let updated = try await auth0.updateMethod(phoneID, of: Auth0SandboxHarness.marta, name: "Work phone", preferred: .voice)
        let renamed = try await auth0.updateMethod("webauthn-roaming|dev_M4rt4K3y0000001", of: Auth0SandboxHarness.marta, name: "Blue key")
        let notAPhone = await #expect(throws: ServiceError.self) {
            try await auth0.updateMethod("webauthn-roaming|dev_M4rt4K3y0000001", of: Auth0SandboxHarness.marta, preferred: .sms)
        }
        let nothing = await #expect(throws: ServiceError.self) {
            try await auth0.updateMethod(phoneID, of: Auth0SandboxHarness.marta)
        }
        let missing = await #expect(throws: ServiceError.self) {
            try await auth0.updateMethod("phone|dev_nope", of: Auth0SandboxHarness.marta, name: "x")
        }
        let listed = try await auth0.methods(of: Auth0SandboxHarness.marta)
        await harness.sandbox.stop()
        #expect(updated.name == "Work phone")
        #expect(updated.preferredAuthenticationMethod == "voice")
        #expect(renamed.name == "Blue key")
        #expect(notAPhone?.code == "notAPhone")
        #expect(nothing?.kind == .badInput)
        #expect(missing?.kind == .notFound)
        #expect(missing?.code == "inexistent_authentication_method")
        guard case .auth0(let phone)? = listed.first else { Issue.record("no phone listed"); return }
        #expect(phone.name == "Work phone")
        #expect(phone.preferredAuthenticationMethod == "voice")
    }

    @Test func oneMethodIsDeletedByItselfOrById() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let before = try await auth0.methods(of: Auth0SandboxHarness.marta)
        let phone = try #require(before.first)
        let receipt = try await auth0.deleteMethod(phone, of: Auth0SandboxHarness.marta)
        let byID = try await auth0.deleteMethod(id: "recovery-code|dev_M4rt4R3c0v3ry01", of: Auth0SandboxHarness.marta)
        #expect(receipt.status == 204 && byID.status == 204, "a delete answers with the service's status")
        #expect(!receipt.requestID.isEmpty && receipt.requestID != byID.requestID)
        let after = try await auth0.methods(of: Auth0SandboxHarness.marta)
        let graphMethod = await #expect(throws: ServiceError.self) {
            try await auth0.deleteMethod(.email(EmailMethod(id: "e", emailAddress: "a@b.c")), of: Auth0SandboxHarness.marta)
        }
        await harness.sandbox.stop()
        #expect(after.map(\.kind) == [.auth0WebAuthnRoaming])
        #expect(graphMethod?.code == "notDeletable")
    }

    @Test func allMethodsAreReplaced() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        let replaced = try await auth0.replaceMethods(of: Auth0SandboxHarness.marta, with: [
            .phone(number: "+48601000000", channel: .voice, name: "SMS"), .email(address: "marta@example.com"),
            .totp(secret: Secret("JBSWY3DPEHPK3PXP")),
        ])
        let listed = try await auth0.methods(of: Auth0SandboxHarness.marta)
        let withKey = await #expect(throws: ServiceError.self) {
            try await auth0.replaceMethods(of: Auth0SandboxHarness.marta, with: [
                .webAuthnRoaming(keyID: "k", publicKey: "pQ", relyingParty: "example.com"),
            ])
        }
        let empty = await #expect(throws: ServiceError.self) { try await auth0.replaceMethods(of: Auth0SandboxHarness.marta, with: []) }
        await harness.sandbox.stop()
        #expect(replaced.map(\.type) == ["phone", "email", "totp"])
        #expect(listed.map(\.kind) == [.auth0Phone, .auth0Email, .auth0Totp])
        #expect(listed.first?.summary == "+48601000000")
        #expect(withKey?.code == "notReplaceable")
        #expect(empty?.kind == .badInput)
    }

    @Test func allMethodsOrAllAuthenticatorsAreDeleted() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        try await auth0.deleteAllMethods(of: Auth0SandboxHarness.exampleUser)
        let example = try await auth0.methods(of: Auth0SandboxHarness.exampleUser)
        try await auth0.deleteAllAuthenticators(of: "auth0|65f2c9d0e1f2a3b4c5d6e7f8")
        let kenta = try await auth0.methods(of: "auth0|65f2c9d0e1f2a3b4c5d6e7f8")
        let missing = await #expect(throws: ServiceError.self) { try await auth0.deleteAllAuthenticators(of: "auth0|nobody") }
        await harness.sandbox.stop()
        #expect(example.isEmpty)
        #expect(kenta.map(\.kind) == [.auth0Passkey])
        #expect(missing?.kind == .notFound)
    }

    @Test func rememberedBrowsersAreForgottenAndThePasswordChanged() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0 = harness.provider()
        try await auth0.invalidateRememberedBrowsers(of: Auth0SandboxHarness.marta)
        try await auth0.changePassword(of: Auth0SandboxHarness.marta, to: Secret("Correct-Horse-7"))
        let generated = try await auth0.resetPassword(of: Auth0SandboxHarness.marta, newPassword: nil)
        let weak = await #expect(throws: ServiceError.self) {
            try await auth0.changePassword(of: Auth0SandboxHarness.marta, to: Secret("short"))
        }
        let stats = harness.sandbox.stats()
        await harness.sandbox.stop()
        #expect(generated.operationURL == nil)
        #expect((generated.generatedPassword?.count ?? 0) >= 16)
        #expect(weak?.code == "invalidPassword")
        #expect(weak.map { String(describing: $0) }?.contains("short") == false)
        #expect(stats.refused == 0)
    }

    @Test func theProtocolsAddEmailMakesAnAuth0EmailMethod() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0: any IdentityProvider = harness.provider()
        let email = try await auth0.addEmail(to: user, address: "noa@example.com")
        let signedOut = try await auth0.signOut(user)
        await harness.sandbox.stop()
        #expect(email.id.hasPrefix("email|"))
        #expect(email.emailAddress == "noa@example.com")
        #expect(signedOut.steps.first == "remembered browsers invalidated (MFA asked again on every browser)")
        #expect(signedOut.steps.last?.hasPrefix("sessions not deleted: permission: Deleting a user's sessions is available on Enterprise plans only.") == true)
    }

    @Test func theProtocolsAddPhoneMakesAnAuth0SmsPhone() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let auth0: any IdentityProvider = harness.provider()
        let phone = try await auth0.addPhone(to: user, number: "+1 2065550142", type: .mobile)
        let office = await #expect(throws: ServiceError.self) {
            try await auth0.addPhone(to: user, number: "+1 2065550143", type: .office)
        }
        let methods = try await auth0.methods(of: user)
        await harness.sandbox.stop()
        #expect(phone.id.hasPrefix("phone|"))
        #expect(phone.phoneNumber == "+12065550142")
        #expect(office?.message.contains("type mobile") == true)
        #expect(methods.contains { method in
            if case .auth0(let m) = method { return m.id == phone.id && m.preferredAuthenticationMethod == "sms" }
            return false
        })
        #expect(auth0.capabilities.contains(.addPhone))
    }

    @Test func aReadOnlyTenantRefusesEveryWriteWithoutSending() async throws {
        let loader = ScriptedLoader([])
        let auth0 = Auth0Provider(
            tenant: TenantInfo(name: "acme", provider: .auth0, id: "a", domain: "a", readOnly: true),
            root: try #require(URL(string: "https://acme.auth0.com")), tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader))
        let writes: [@Sendable () async throws -> Void] = [
            { _ = try await auth0.createMethod(for: "auth0|1", .email(address: "a@example.com")) },
            { _ = try await auth0.replaceMethods(of: "auth0|1", with: [.email(address: "a@example.com")]) },
            { _ = try await auth0.updateMethod("phone|dev_1", of: "auth0|1", name: "x") },
            { try await auth0.deleteMethod(.auth0(Auth0Method(id: "phone|dev_1", type: "phone")), of: "auth0|1") },
            { try await auth0.deleteAllMethods(of: "auth0|1") },
            { try await auth0.deleteAllAuthenticators(of: "auth0|1") },
            { try await auth0.invalidateRememberedBrowsers(of: "auth0|1") },
            { try await auth0.changePassword(of: "auth0|1", to: Secret("Correct-Horse-7")) },
        ]
        for write in writes {
            let error = await #expect(throws: ServiceError.self) { try await write() }
            #expect(error?.kind == .readOnly)
        }
        #expect(loader.sent.isEmpty)
    }

    @Test func writesTakeFromTheWriteBudget() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(204, ""), ScriptedLoader.json(204, ""),
        ])
        let sleeper = SleepRecorder()
        let clock = ManualClock()
        let transport = HTTPTransport(loader: loader, sleep: sleeper.sleep, now: clock.now)
        let auth0 = Auth0Provider(
            tenant: Auth0ProviderTests.tenant, root: try #require(URL(string: "https://acme.auth0.com")),
            tokens: StaticTokenProvider("tok"), transport: transport,
            budget: WriteBudget(capacity: 1, refillPerSecond: 2, now: clock.now, sleep: sleeper.sleep))
        try await auth0.deleteAllMethods(of: "auth0|1")
        try await auth0.deleteAllMethods(of: "auth0|1")
        #expect(sleeper.recorded == [.seconds(0.5)])
        #expect(loader.sent.map(\.method) == ["DELETE", "DELETE"])
        #expect(loader.sent.first?.url.absoluteString == "https://acme.auth0.com/api/v2/users/auth0%7C1/authentication-methods")
    }
    @Test func secretsSentNeverReachTheLog() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(201, #"{"id":"totp|dev_1","type":"totp","confirmed":true}"#),
            ScriptedLoader.json(200, #"{"user_id":"google-oauth2|1"}"#),
        ])
        let log = LogCapture()
        let auth0 = Auth0Provider(
            tenant: Auth0ProviderTests.tenant, root: try #require(URL(string: "https://acme.auth0.com")),
            tokens: StaticTokenProvider("tok"), transport: HTTPTransport(loader: loader, logger: log.logger()))
        let totp = try await auth0.createMethod(for: "google-oauth2|1", .totp(secret: Secret("JBSWY3DPEHPK3PXP")))
        try await auth0.changePassword(of: "google-oauth2|1", to: Secret("Correct-Horse-7"))
        #expect(totp.id == "totp|dev_1")
        #expect(loader.sent.map { $0.url.absoluteString } == [
            "https://acme.auth0.com/api/v2/users/google-oauth2%7C1/authentication-methods",
            "https://acme.auth0.com/api/v2/users/google-oauth2%7C1",
        ])
        #expect(loader.sent.first?.body.contains("JBSWY3DPEHPK3PXP") == true)
        #expect(!log.text.isEmpty)
        #expect(!log.text.contains("JBSWY3DPEHPK3PXP"))
        #expect(!log.text.contains("Correct-Horse-7"))
    }
}
