import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Testing
@testable import AuthdeskServices

/// Auth0's actions on all of a user's methods through the protocol, and the enrollment ticket,
/// against the sandbox over real HTTP; what is refused before anything is sent.
@Suite struct Auth0EnrollmentTests {
    let user = Auth0SandboxHarness.noMfa

    @Test func aTicketCarriesItsLinkAndHidesItInItsDescription() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let ticket = try await harness.provider().createEnrollmentTicket(for: user, EnrollmentTicketRequest(factor: .otp))
        await harness.sandbox.stop()
        #expect(!ticket.ticketID.isEmpty)
        #expect(ticket.url.reveal().hasSuffix("ticket=\(ticket.ticketID)"))
        #expect(!"\(ticket)".contains(ticket.url.reveal()))
    }

    @Test func aTicketForAnUnknownUserIsNotFound() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let error = await #expect(throws: ServiceError.self) {
            try await harness.provider().createEnrollmentTicket(for: "auth0|000000000000000000000000", EnrollmentTicketRequest())
        }
        await harness.sandbox.stop()
        #expect(error?.kind == .notFound)
        #expect(error?.requestID?.isEmpty == false)
    }

    @Test func anAddressWithoutMailIsRefusedBeforeSending() {
        #expect(throws: ServiceError.self) { try EnrollmentTicketRequest(email: "a@example.com").validate() }
        #expect(throws: ServiceError.self) { try EnrollmentTicketRequest(sendMail: true, email: "not an address").validate() }
        #expect(throws: Never.self) { try EnrollmentTicketRequest(sendMail: true, email: "a@example.com").validate() }
    }

    @Test func addReplaceAndDeleteAllThroughTheProtocol() async throws {
        let harness = try await Auth0SandboxHarness.start()
        let provider: any IdentityProvider = harness.provider()
        let added = try await provider.addMethod(to: user, .totp(secret: TotpSecret.generate()))
        let replaced = try await provider.replaceAllMethods(
            of: user, with: [.phone(number: "+14155550123"), .email(address: "noa@example.org")])
        let between = try await provider.methods(of: user)
        try await provider.deleteAllMethods(of: user)
        try await provider.invalidateRememberedBrowsers(of: user)
        let after = try await provider.methods(of: user)
        await harness.sandbox.stop()
        #expect(added.kind == .auth0Totp)
        #expect(replaced.map(\.kind) == [.auth0Phone, .auth0Email])
        #expect(Set(between.map(\.id)).isSuperset(of: replaced.map(\.id)))
        #expect(!between.contains { $0.id == added.id })
        #expect(after.allSatisfy { $0.kind == .auth0Password })
    }

    @Test func graphOffersNoneOfThemAndSaysWhatToUseInstead() async throws {
        let harness = try await SandboxHarness.start()
        let graph: any IdentityProvider = try harness.appProvider()
        let error = await #expect(throws: ServiceError.self) { try await graph.deleteAllMethods(of: "someone") }
        await harness.sandbox.stop()
        #expect(error?.code == "notSupported")
        #expect(error?.message.contains("reset-mfa") == true)
    }
}

/// The TOTP secrets authdesk generates, and their key URI.
@Suite struct TotpSecretTests {
    @Test func aSecretIs32Base32CharactersAndAuth0TakesIt() throws {
        let secret = TotpSecret.generate().reveal()
        #expect(secret.count == 32)
        #expect(secret.allSatisfy { ("A"..."Z").contains($0) || ("2"..."7").contains($0) })
        #expect(try Auth0MethodRequest.totpSecret(secret) == secret)
        #expect(TotpSecret.generate() != TotpSecret.generate())
    }

    @Test func base32FollowsRfc4648() {
        let vectors = ["f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB", "foobar": "MZXW6YTBOI"]
        for (plain, encoded) in vectors {
            #expect(TotpSecret.base32(Array(plain.utf8)) == encoded)
        }
    }

    @Test func theUriNamesTheIssuerAndAccountEscaped() {
        let uri = TotpSecret.uri(secret: Secret("JBSWY3DPEHPK3PXP"), account: "noa lee@example.com", issuer: "acme.auth0.com").reveal()
        #expect(uri == "otpauth://totp/acme.auth0.com:noa%20lee@example.com?secret=JBSWY3DPEHPK3PXP&issuer=acme.auth0.com&algorithm=SHA1&digits=6&period=30")
    }
}
