import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Graph account endpoints")
struct GraphAccountTests {
    func start() async throws -> (Sandbox, TestClient) {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(50)))
        return (sandbox, TestClient(sandbox))
    }

    @Test func accountEnabledIsPatchedAndReadBack() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let path = "/v1.0/users/avery.howard@contoso.com"
        let off = try await client.send("PATCH", client.url(path), token: token, body: .json(#"{"accountEnabled":false}"#))
        #expect(off.status == 204)
        let read = try await client.get(path, token: token, query: ["$select": "id,accountEnabled"])
        #expect(read.object["accountEnabled"] as? Bool == false)
        let bad = try await client.send("PATCH", client.url(path), token: token, body: .json(#"{"accountEnabled":"no"}"#))
        #expect(bad.status == 400)
        let other = try await client.send("PATCH", client.url(path), token: token, body: .json(#"{"jobTitle":"x"}"#))
        #expect(other.status == 400)
        await sandbox.stop()
    }

    @Test func anAuthenticationAdministratorCannotDisableAnAdministrator() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.operatorToken()
        let admin = try await client.send(
            "PATCH", client.url("/v1.0/users/priya.raman@contoso.com"), token: token, body: .json(#"{"accountEnabled":false}"#))
        #expect(admin.status == 403)
        #expect(admin.errorCode == "Authorization_RequestDenied")
        let user = try await client.send(
            "PATCH", client.url("/v1.0/users/CameronW@contoso.com"), token: token, body: .json(#"{"accountEnabled":false}"#))
        #expect(user.status == 204)
        await sandbox.stop()
    }

    @Test func perUserMfaIsBetaAndEnabledBecomesEnforcedOnceRegistered() async throws {
        let (sandbox, client) = try await start()
        let token = try await client.appToken()
        let avery = "/beta/users/avery.howard@contoso.com/authentication/requirements"
        #expect(try await client.get(avery, token: token).object["perUserMfaState"] as? String == "disabled")
        #expect(try await client.get("/v1.0/users/avery.howard@contoso.com/authentication/requirements", token: token).status == 400)
        let set = try await client.send("PATCH", client.url(avery), token: token, body: .json(#"{"perUserMfaState":"enabled"}"#))
        #expect(set.status == 204)
        #expect(try await client.get(avery, token: token).object["perUserMfaState"] as? String == "enforced")
        let cameron = "/beta/users/CameronW@contoso.com/authentication/requirements"
        #expect(try await client.send("PATCH", client.url(cameron), token: token, body: .json(#"{"perUserMfaState":"enabled"}"#)).status == 204)
        #expect(try await client.get(cameron, token: token).object["perUserMfaState"] as? String == "enabled")
        let bad = try await client.send("PATCH", client.url(cameron), token: token, body: .json(#"{"perUserMfaState":"on"}"#))
        #expect(bad.status == 400)
        await sandbox.stop()
    }

    @Test func reportsAndSignInActivityNeedAPremiumLicence() async throws {
        let (sandbox, client) = try await start()
        let contoso = try await client.appToken()
        let registration = try await client.get(
            "/v1.0/reports/authenticationMethods/userRegistrationDetails/avery.howard@contoso.com", token: contoso)
        #expect(registration.status == 200)
        #expect(registration.object["isMfaRegistered"] as? Bool == true)
        #expect(registration.object["defaultMfaMethod"] as? String == "sms")
        let activity = try await client.get("/v1.0/users/avery.howard@contoso.com", token: contoso, query: ["$select": "id,signInActivity"])
        #expect((activity.object["signInActivity"] as? [String: Any])?["lastSignInDateTime"] as? String == "2026-11-30T08:12:00Z")

        let fabrikam = try await client.appToken("fabrikam")
        let refused = try await client.get(
            "/v1.0/reports/authenticationMethods/userRegistrationDetails/kenji.tanaka@fabrikam.com", token: fabrikam)
        #expect(refused.status == 403)
        #expect(refused.errorCode == "Authentication_RequestFromNonPremiumTenantOrB2CTenant")
        let noActivity = try await client.get("/v1.0/users/kenji.tanaka@fabrikam.com", token: fabrikam, query: ["$select": "signInActivity"])
        #expect(noActivity.status == 403)
        #expect(try await client.get("/v1.0/users/kenji.tanaka@fabrikam.com", token: fabrikam).status == 200)
        await sandbox.stop()
    }
}
