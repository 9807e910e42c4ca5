import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct TokenClaimsTests {
    func jwt(_ claims: [String: Any]) throws -> String {
        let payload = try JSONSerialization.data(withJSONObject: claims).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "eyJhbGciOiJSUzI1NiJ9.\(payload).c2ln"
    }

    @Test func aDelegatedTokenNamesTheOperatorScopesAndRoleIDs() throws {
        let claims = try #require(TokenClaims.of(token: jwt([
            "upn": "helpdesk@contoso.com", "appid": "app-1", "tid": "t-1",
            "scp": "User.Read.All UserAuthenticationMethod.ReadWrite.All", "wids": ["c4e39bd9-1100-46d3-8c65-fb160da0071f"],
        ])))
        #expect(claims.userName == "helpdesk@contoso.com" && claims.applicationID == "app-1" && claims.tenantID == "t-1")
        #expect(claims.permissions == ["User.Read.All", "UserAuthenticationMethod.ReadWrite.All"])
        #expect(claims.directoryRoleIDs == ["c4e39bd9-1100-46d3-8c65-fb160da0071f"])
        #expect(claims.grants("user.read.all"))
    }

    @Test func anApplicationTokenHasRolesAndNoUser() throws {
        let claims = try #require(TokenClaims.of(token: jwt(["appid": "app-1", "roles": ["User.Read.All"]])))
        #expect(claims.userName == nil && claims.roles == ["User.Read.All"] && claims.scopes.isEmpty)
    }

    @Test func auth0ScopesAndOpaqueTokens() throws {
        let claims = try #require(TokenClaims.of(token: jwt(["azp": "m2m", "scope": "read:users update:users"])))
        #expect(claims.applicationID == "m2m" && claims.permissions == ["read:users", "update:users"])
        #expect(TokenClaims.of(token: "opaque-token") == nil)
    }
}
