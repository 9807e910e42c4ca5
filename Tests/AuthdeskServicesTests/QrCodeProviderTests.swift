import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Testing
@testable import AuthdeskServices

/// The Graph provider's QR code + PIN calls and the new method types against the sandbox.
@Suite struct QrCodeProviderTests {
    @Test func createResetTemporaryAndDelete() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 0))
        let graph = try harness.appProvider()
        let user = "CameronW@contoso.com"
        let typoed = await #expect(throws: ServiceError.self) {
            try await graph.createQrCodePin(for: user, QrCodePinRequest(pin: Secret("12 34")))
        }
        let created = try await graph.createQrCodePin(for: user, QrCodePinRequest(expiresInDays: 30))
        let reset = try await graph.resetQrCodePin(of: user, pin: Secret("86420864"))
        let temporary = try await graph.createTemporaryQrCode(for: user, hours: 4)
        let again = try await graph.createTemporaryQrCode(for: user, hours: 2)
        let listed = try await graph.methods(of: user)
        let qr = try #require(listed.first { $0.kind == .qrCodePin })
        try await graph.deleteMethod(qr, of: user)
        let after = try await graph.methods(of: user)
        await harness.sandbox.stop()
        #expect(typoed?.code == "invalidPin")
        #expect(created.generated)
        #expect(created.pin.reveal().count == 8 && created.pin.reveal().allSatisfy(\.isNumber))
        #expect(!created.description.contains(created.pin.reveal()))
        let days = try #require(created.method.standardExpires).timeIntervalSinceNow / 86_400
        #expect(days > 29 && days < 31)
        #expect(reset.pin.reveal() == "86420864" && !reset.generated)
        #expect(reset.method.forceChangePin == true)
        #expect(temporary.temporaryExpires != nil)
        #expect((again.temporaryExpires ?? .distantFuture) < (temporary.temporaryExpires ?? .distantPast))
        #expect(!after.contains { $0.kind == .qrCodePin })
    }

    @Test func olgasFrontlineMethodsAreTypedAndDeletable() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 0))
        let graph = try harness.appProvider("fabrikam")
        let methods = try await graph.methods(of: "olga.smirnova@fabrikam.com")
        let external = try #require(methods.first { $0.kind == .externalAuthentication })
        try await graph.deleteMethod(external, of: "olga.smirnova@fabrikam.com")
        let after = try await graph.methods(of: "olga.smirnova@fabrikam.com")
        await harness.sandbox.stop()
        #expect(methods.contains { $0.kind == .qrCodePin && $0.summary == "badge until 2027-03-31" })
        #expect(external.summary == "Contoso Hardware MFA")
        #expect(!after.contains { $0.kind == .externalAuthentication })
        #expect(after.contains { $0.kind == .qrCodePin })
    }
}
