import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Testing
@testable import AuthdeskServices

/// The providers' account calls against the sandbox over real HTTP: what a licensed tenant
/// tells, what an unlicensed one refuses (shown as not available, never a failure), blocks.
@Suite struct AccountProviderTests {
    @Test func aLicensedTenantTellsEverything() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 0))
        let graph = try harness.appProvider()
        let zoe = try await graph.accountDetails(of: "zoe.lindqvist@contoso.com")
        let priya = try await graph.accountDetails(of: "priya.raman@contoso.com")
        await harness.sandbox.stop()
        #expect(zoe.accountEnabled == true)
        #expect(zoe.synced == false)
        #expect(zoe.roles == .value([]))
        #expect(zoe.perUserMfaState == .value(.enforced))
        let registration = try #require(zoe.registration?.value)
        #expect(registration.isMfaRegistered == true)
        #expect(registration.methodsRegistered.contains("fido2SecurityKey"))
        #expect(registration.userPreferredMethod == "push")
        #expect(zoe.lastSignIn?.value == JSONValue.parseDate("2026-12-02T17:45:10Z"))
        #expect(priya.roles == .value(["Global Administrator"]))
        #expect(priya.perUserMfaState == .value(.enabled))
    }

    @Test func anUnlicensedTenantSaysWhyAndStillShowsTheAccount() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 0))
        let graph = try harness.appProvider("fabrikam")
        let kenji = try await graph.accountDetails(of: "kenji.tanaka@fabrikam.com")
        await harness.sandbox.stop()
        #expect(kenji.accountEnabled == true)
        #expect(kenji.perUserMfaState == .value(.disabled))
        guard case .notAvailable(let reason)? = kenji.registration else {
            Issue.record("the registration should not be available: \(String(describing: kenji.registration))")
            return
        }
        #expect(reason.contains("P1 or P2 licence"))
        #expect(reason.contains("HTTP 403"))
        #expect(reason.contains("request id"))
        guard case .notAvailable? = kenji.lastSignIn else {
            Issue.record("the last sign-in should not be available")
            return
        }
        let facts = kenji.facts.map(\.text)
        #expect(facts.contains { $0.hasPrefix("not available (the tenant needs a Microsoft Entra ID P1 or P2 licence") })
    }

    @Test func blockingAndUnblockingAndPerUserMfaAreReadBack() async throws {
        let harness = try await SandboxHarness.start(SandboxOptions(usersPerTenant: 0))
        let graph = try harness.appProvider()
        let user = "CameronW@contoso.com"
        let blocked = try await graph.setAccountEnabled(of: user, enabled: false)
        let afterBlock = try await graph.accountDetails(of: user)
        try await graph.setAccountEnabled(of: user, enabled: true)
        let afterUnblock = try await graph.user(user)
        let state = try await graph.setPerUserMfaState(of: "avery.howard@contoso.com", to: .enabled)
        await harness.sandbox.stop()
        #expect(blocked.steps == ["accountEnabled set to false"])
        #expect(afterBlock.accountEnabled == false)
        #expect(afterUnblock.accountEnabled == true)
        #expect(state == .enforced)
    }

    @Test func auth0ShowsBlocksAndUnblockLiftsThem() async throws {
        let harness = try await Auth0SandboxHarness.start(SandboxOptions(usersPerTenant: 0))
        let auth0 = harness.provider()
        let before = try await auth0.accountDetails(of: "marta.nowak@example.com")
        let blocked = try await auth0.setAccountEnabled(of: Auth0SandboxHarness.marta, enabled: false)
        let whileBlocked = try await auth0.accountDetails(of: Auth0SandboxHarness.marta)
        let unblocked = try await auth0.setAccountEnabled(of: Auth0SandboxHarness.marta, enabled: true)
        let after = try await auth0.accountDetails(of: Auth0SandboxHarness.marta)
        let mfa = await #expect(throws: ServiceError.self) { try await auth0.perUserMfaState(of: Auth0SandboxHarness.marta) }
        await harness.sandbox.stop()
        #expect(before.accountEnabled == true)
        #expect(before.bruteForceBlocks == .value([BruteForceBlock(identifier: "marta.nowak@example.com", ip: "203.0.113.45")]))
        #expect(before.lastLogin == JSONValue.parseDate("2024-06-10T09:30:00.000Z"))
        #expect((before.loginsCount ?? 0) > 0)
        #expect(blocked.steps == ["blocked set to true"])
        #expect(whileBlocked.accountEnabled == false)
        #expect(unblocked.steps == ["blocked set to false", "brute-force protection blocks lifted"])
        #expect(after.accountEnabled == true)
        #expect(after.bruteForceBlocks == .value([]))
        #expect(mfa?.code == "notSupported")
    }
}
