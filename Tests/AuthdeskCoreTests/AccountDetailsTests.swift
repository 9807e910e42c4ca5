import AuthdeskCore
import Foundation
import Testing

/// The account as both front ends list it: the facts in order, with machine values, and what
/// the tenant refused to tell as "not available (reason)".
struct AccountDetailsTests {
    static let user = DirectoryUser(id: "u-1", displayName: "Avery Howard", principalName: "avery@contoso.com")

    @Test func graphFactsCarryTextAndMachineValues() throws {
        let signedIn = try #require(try? Date("2026-11-30T08:12:00Z", strategy: .iso8601))
        let details = AccountDetails(
            user: Self.user, accountEnabled: false, synced: false, roles: .value(["Global Administrator"]),
            perUserMfaState: .value(.enforced),
            registration: .value(RegistrationDetails(
                isMfaRegistered: true, isMfaCapable: true, methodsRegistered: ["mobilePhone", "officePhone"],
                defaultMfaMethod: "sms", userPreferredMethod: "none")),
            lastSignIn: .value(signedIn))
        let facts = Dictionary(uniqueKeysWithValues: details.facts.map { ($0.key, $0) })
        #expect(facts["accountEnabled"]?.text == "blocked (account disabled)")
        #expect(facts["accountEnabled"]?.value == "false")
        #expect(facts["roles"]?.text == "Global Administrator")
        #expect(facts["perUserMfaState"]?.value == "enforced")
        #expect(facts["methodsRegistered"]?.text == "mobilePhone, officePhone")
        #expect(facts["defaultMethod"]?.value == "sms")
        #expect(facts["lastSignIn"]?.text == "2026-11-30 08:12:00")
        #expect(facts["lastSignIn"]?.value == "2026-11-30T08:12:00Z")
        #expect(facts["lastLogin"] == nil)
    }

    @Test func refusedFactsSayWhyAndHaveNoValue() {
        let details = AccountDetails(
            user: Self.user, accountEnabled: true, roles: .notAvailable("permission: no"),
            registration: .notAvailable("the tenant needs a licence"), lastSignIn: .notAvailable("the tenant needs a licence"))
        let facts = Dictionary(uniqueKeysWithValues: details.facts.map { ($0.key, $0) })
        #expect(facts["roles"]?.text == "not available (permission: no)")
        #expect(facts["roles"]?.value == nil)
        #expect(facts["isMfaRegistered"]?.text == "not available (the tenant needs a licence)")
        #expect(facts["lastSignIn"]?.value == nil)
    }

    @Test func auth0FactsShowBlocksAndLogins() {
        let details = AccountDetails(
            user: Self.user, accountEnabled: true,
            bruteForceBlocks: .value([BruteForceBlock(identifier: "avery@contoso.com", ip: "203.0.113.45")]), loginsCount: 3)
        let facts = Dictionary(uniqueKeysWithValues: details.facts.map { ($0.key, $0) })
        #expect(facts["bruteForceBlocks"]?.text == "avery@contoso.com from 203.0.113.45")
        #expect(facts["bruteForceBlocks"]?.value == "1")
        #expect(facts["lastLogin"]?.text == "never")
        #expect(facts["loginsCount"]?.value == "3")
        #expect(facts["perUserMfaState"] == nil)
    }

    @Test func perUserMfaStatesAreReadInAnyCaseAndTyposAreRefused() throws {
        #expect(try PerUserMfaState.parse(" Enforced ") == .enforced)
        #expect(throws: ValidationError.self) { try PerUserMfaState.parse("on") }
        do {
            _ = try PerUserMfaState.parse("on")
        } catch {
            #expect(error.message.contains("disabled, enabled, enforced"))
        }
    }

    @Test func blockingSignInFollowsTheSensitiveActionsTable() {
        func verdict(_ role: AdminRole, _ target: [AdminRole]) -> PreflightVerdict.Level {
            PreflightRule.verdict(
                operator: OperatorProfile(signIn: .user(principalName: "op@contoso.com", id: "op"), roles: [role]),
                target: TargetFacts(userID: "u", displayName: "U", adminRoles: target, syncedFromOnPremises: false),
                action: .blockSignIn).level
        }
        #expect(verdict(.helpdeskAdministrator, []) == .clear)
        #expect(verdict(.userAdministrator, [.helpdeskAdministrator]) == .clear)
        #expect(verdict(.authenticationAdministrator, []) == .clear)
        #expect(verdict(.authenticationAdministrator, [.globalAdministrator]) == .refused)
        #expect(verdict(.privilegedAuthenticationAdministrator, [.globalAdministrator]) == .clear)
        #expect(verdict(.passwordAdministrator, []) == .refused)
    }
}
