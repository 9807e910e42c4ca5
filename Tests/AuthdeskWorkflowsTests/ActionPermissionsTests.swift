import AuthdeskCore
import AuthdeskServices
import Testing
@testable import AuthdeskWorkflows

@Suite struct ActionPermissionsTests {
    let operatorClaims = TokenClaims(
        userName: "helpdesk@contoso.com", scopes: ["UserAuthenticationMethod.ReadWrite.All", "User.Read.All"])
    let applicationClaims = TokenClaims(applicationID: "app", roles: ["UserAuthenticationMethod.ReadWrite.All", "User.Read.All"])

    func verdict(_ command: String, _ provider: ProviderKind, _ claims: TokenClaims, _ roles: [AdminRole]?) throws -> ActionVerdict {
        try #require(ActionPermissions.of(command)).verdict(provider: provider, claims: claims, roles: roles)
    }

    @Test func anAuthenticationAdministratorMayChangeNonAdministratorsOnly() throws {
        let add = try verdict("methods add-phone", .graph, operatorClaims, [.authenticationAdministrator])
        #expect(add.allowed && add.note?.contains("administrator") == true)
        let privileged = try verdict("methods add-phone", .graph, operatorClaims, [.privilegedAuthenticationAdministrator])
        #expect(privileged.allowed && privileged.note == nil)
    }

    @Test func aRoleThatCannotChangeMethodsIsNamedWithTheRolesThatCan() throws {
        let refused = try verdict("methods delete", .graph, operatorClaims, [.helpdeskAdministrator])
        #expect(!refused.allowed)
        #expect(refused.missing == "one of the directory roles Authentication Administrator, Privileged Authentication Administrator, Global Administrator")
        #expect(try verdict("sessions revoke", .graph, operatorClaims, [.helpdeskAdministrator]).missing?.contains("User.RevokeSessions.All") == true)
    }

    @Test func anApplicationCannotResetPasswordsAndLacksWhatItWasNotGranted() throws {
        let reset = try verdict("password reset", .graph, applicationClaims, nil)
        #expect(!reset.allowed && reset.missing?.contains("signed-in operator") == true)
        #expect(try verdict("methods add-phone", .graph, applicationClaims, nil).allowed)
        let revoke = try verdict("sessions revoke", .graph, applicationClaims, nil)
        #expect(revoke.missing == "one of the application permissions User.RevokeSessions.All, User.ReadWrite.All, Directory.ReadWrite.All")
    }

    @Test func auth0NamesEachMissingScope() throws {
        let claims = TokenClaims(scopes: ["read:users"])
        #expect(try verdict("users search", .auth0, claims, nil).allowed)
        #expect(try verdict("methods delete", .auth0, claims, nil).missing == "the scope delete:authentication_methods")
        #expect(try verdict("tap create", .auth0, claims, nil).missing == "not offered for Auth0")
    }

    @Test func aRefusalNamesWhatTheCommandNeeds() {
        #expect(ActionPermissions.command(in: ["methods", "add-phone", "u", "--type", "mobile"]) == "methods add-phone")
        #expect(ActionPermissions.command(in: ["jobs", "resume", "J1"]) == "reset-mfa")
        #expect(ActionPermissions.command(in: ["--profile", "x", "journal"]) == nil)
        let hint = ActionPermissions.refusalHint(for: "methods delete", provider: .graph) ?? ""
        #expect(hint.contains("UserAuthenticationMethod.ReadWrite.All") && hint.contains("Privileged Authentication Administrator"))
        #expect(!hint.contains("Auth0"))
    }
}
