import AuthdeskCore
import AuthdeskSandbox
import Foundation
import Testing
@testable import AuthdeskServices

/// The pre-flight's reads against the sandbox over real HTTP: the device-code operator's role,
/// an administrator target, a synced target, an application sign-in, and Auth0.
@Suite struct PreflightTests {
    static let priya = "priya.raman@contoso.com"
    static let soren = "soren.kjaergaard@contoso.com"
    static let cameron = "CameronW@contoso.com"

    static func harness() async throws -> SandboxHarness {
        try await SandboxHarness.start(SandboxOptions(usersPerTenant: 5, deviceCodeApprovalDelay: .milliseconds(100)))
    }

    @Test func theDeviceCodeOperatorIsTheTenantsAuthenticationAdministrator() async throws {
        let harness = try await Self.harness()
        let graph = try harness.operatorProvider()
        let profile = try await graph.operatorProfile()
        await harness.sandbox.stop()
        #expect(profile.roles == [.authenticationAdministrator])
        #expect(profile.roles?.first?.displayName == "Authentication Administrator")
        guard case .user(let name, let id) = profile.signIn else {
            Issue.record("expected a signed-in operator, got \(profile.signIn)")
            return
        }
        #expect(name == "helpdesk@contoso.com")
        #expect(!id.isEmpty)
        #expect(profile.line == "signed in as helpdesk@contoso.com · Authentication Administrator")
    }

    @Test func anAdministratorTargetAndASyncedTarget() async throws {
        let harness = try await Self.harness()
        let graph = try harness.operatorProvider()
        let priya = try await graph.targetFacts(of: Self.priya)
        let soren = try await graph.targetFacts(of: Self.soren)
        let cameron = try await graph.targetFacts(of: Self.cameron)
        await harness.sandbox.stop()
        #expect(priya.displayName == "Priya Raman")
        #expect(priya.adminRoles == [.globalAdministrator])
        #expect(priya.syncedFromOnPremises == false)
        #expect(soren.adminRoles == [])
        #expect(soren.syncedFromOnPremises == true)
        #expect(cameron.adminRoles == [])
        #expect(cameron.syncedFromOnPremises == false)
    }

    @Test func theVerdictsMatchWhatTheSandboxDoes() async throws {
        let harness = try await Self.harness()
        let graph = try harness.operatorProvider()
        let preflight = Preflight(provider: graph)
        let onPriya = await preflight.check(.changeMethods, userID: Self.priya)
        let refusedForReal = await #expect(throws: ServiceError.self) {
            try await graph.addPhone(to: Self.priya, number: "+1 2065555555", type: .office)
        }
        let onSoren = await preflight.check(.resetPassword, userID: Self.soren)
        let onCameron = await preflight.check(.changeMethods, userID: Self.cameron)
        await harness.sandbox.stop()
        #expect(onPriya.level == .refused)
        #expect(onPriya.text == "Priya Raman is a Global Administrator; an Authentication Administrator cannot change an administrator's methods: ask a Privileged Authentication Administrator")
        #expect(refusedForReal?.status == 403)
        #expect(onSoren.level == .warning)
        #expect(onSoren.text.contains("needs password writeback"))
        #expect(onCameron == .clear)
    }

    @Test func anApplicationSignInHasAnUnknownRoleAndCannotResetPasswords() async throws {
        let harness = try await Self.harness()
        let graph = try harness.appProvider()
        let profile = try await graph.operatorProfile()
        let facts = try await graph.targetFacts(of: Self.priya)
        let reset = await Preflight(provider: graph).check(.resetPassword, userID: Self.cameron)
        await harness.sandbox.stop()
        #expect(profile == .application)
        #expect(profile.line == "application sign-in · role unknown (application sign-in)")
        #expect(facts.adminRoles == [.globalAdministrator])
        #expect(reset.level == .refused)
        #expect(reset.text.contains("needs a signed-in operator"))
    }

    @Test func theOperatorIsReadOncePerSession() async throws {
        let harness = try await Self.harness()
        let graph = try harness.operatorProvider()
        let preflight = Preflight(provider: graph)
        _ = try await preflight.operatorProfile()
        let before = harness.sandbox.stats().total
        _ = try await preflight.operatorProfile()
        let after = harness.sandbox.stats().total
        await harness.sandbox.stop()
        #expect(after == before)
    }

    @Test func aMissingUserIsAWarningNotAFailure() async throws {
        let harness = try await Self.harness()
        let verdict = await Preflight(provider: try harness.operatorProvider()).check(.changeMethods, userID: "nobody@contoso.com")
        await harness.sandbox.stop()
        #expect(verdict.level == .warning)
        #expect(verdict.text.contains("could not read the user's roles"))
        #expect(verdict.text.contains("404"))
    }

    @Test func auth0TellsNoRoleAndHasNoAdmins() async throws {
        let harness = try await Auth0SandboxHarness.start(SandboxOptions(usersPerTenant: 5))
        let auth0 = harness.provider()
        let profile = try await auth0.operatorProfile()
        let facts = try await auth0.targetFacts(of: Auth0SandboxHarness.exampleUser)
        let verdict = await Preflight(provider: auth0).check(.resetAllMFA, userID: Auth0SandboxHarness.exampleUser)
        await harness.sandbox.stop()
        #expect(profile.roleText == "role not told by Auth0")
        #expect(facts.adminRoles == [])
        #expect(facts.syncedFromOnPremises == false)
        #expect(verdict == .clear)
    }
}
