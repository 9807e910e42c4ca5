import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Entra sign-in")
struct EntraEndpointsTests {
    @Test func clientCredentialsIssueATokenThatGraphAccepts() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 5))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let answer = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "client_secret": tenant.clientSecret,
            "scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials",
        ]))
        #expect(answer.status == 200)
        #expect(answer.object["token_type"] as? String == "Bearer")
        #expect(answer.object["expires_in"] as? Int == 3599)
        let token = try #require(answer.object["access_token"] as? String)
        let users = try await client.get("/v1.0/users", token: token)
        #expect(users.status == 200)
        await sandbox.stop()
    }

    @Test func aWrongSecretIsRefusedWithAADSTS7000215() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "fabrikam"))
        let answer = try await client.send("POST", client.url("/\(tenant.domain)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "client_secret": "not-the-secret",
            "scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials",
        ]))
        #expect(answer.status == 401)
        #expect(answer.object["error"] as? String == "invalid_client")
        #expect((answer.object["error_description"] as? String)?.hasPrefix("AADSTS7000215: Invalid client secret provided") == true)
        #expect(answer.object["error_codes"] as? [Int] == [7000215])
        #expect(!String(decoding: answer.body, as: UTF8.self).contains(tenant.clientSecret))
        await sandbox.stop()
    }

    @Test func anUnknownTenantIsRefused() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let answer = try await client.send("POST", client.url("/nowhere.example/oauth2/v2.0/token"), body: .form([
            "client_id": "x", "client_secret": "y", "scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials",
        ]))
        #expect(answer.status == 400)
        #expect(answer.object["error_codes"] as? [Int] == [90002])
        await sandbox.stop()
    }

    @Test func deviceCodeIsPendingThenSignsInTheOperator() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(1200)))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let start = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/devicecode"), body: .form([
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default offline_access",
        ]))
        #expect(start.status == 200)
        let code = try #require(start.object["device_code"] as? String)
        #expect(start.object["user_code"] as? String != nil)
        #expect(start.object["expires_in"] as? Int == 900)
        let poll: @Sendable () async throws -> TestClient.Answer = {
            try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
                "client_id": tenant.clientId, "device_code": code, "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            ]))
        }
        let first = try await poll()
        #expect(first.status == 400)
        #expect(first.object["error"] as? String == "authorization_pending")
        var done = first
        for _ in 0..<10 where done.status != 200 {
            try await Task.sleep(for: .seconds(1))
            done = try await poll()
        }
        #expect(done.status == 200)
        let token = try #require(done.object["access_token"] as? String)
        #expect(done.object["refresh_token"] as? String != nil)
        let me = try await client.get("/v1.0/me", token: token)
        #expect(me.object["userPrincipalName"] as? String == tenant.operator)
        await sandbox.stop()
    }

    @Test func pollingFasterThanTheIntervalGetsSlowDown() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let now = Date()
        let errors = try sandbox.withState { state in
            let index = try #require(state.tenantIndex(tenant.id))
            _ = EntraEndpoints.deviceCode(["client_id": tenant.clientId, "scope": "User.Read.All"], tenantIndex: index, state: &state, now: now)
            let code = try #require(state.deviceCodes.keys.first)
            func poll(_ at: Double) -> String? {
                EntraEndpoints.deviceCodeToken(["device_code": code], tenantIndex: index, state: &state,
                                               now: now.addingTimeInterval(at)).jsonBody?["error"]?.stringValue
            }
            // pending, too fast, too fast again (the interval grew to 6 s, then 11 s), then approved once the interval is respected.
            return [poll(0.1), poll(0.3), poll(2.0), poll(13.5)]
        }
        #expect(errors == ["authorization_pending", "slow_down", "slow_down", nil])
        await sandbox.stop()
    }

    @Test func anExpiredDeviceCodeIsRefusedAsExpired() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let now = Date()
        let code = try sandbox.withState { state in
            let index = try #require(state.tenantIndex(tenant.id))
            _ = EntraEndpoints.deviceCode(["client_id": tenant.clientId, "scope": "User.Read.All"], tenantIndex: index, state: &state, now: now)
            return try #require(state.deviceCodes.keys.first)
        }
        let answer = sandbox.withState { state in
            EntraEndpoints.deviceCodeToken(["device_code": code], tenantIndex: state.tenantIndex(tenant.id) ?? 0,
                                           state: &state, now: now.addingTimeInterval(901))
        }
        #expect(answer.status == 400)
        #expect(answer.jsonBody?["error"]?.stringValue == "expired_token")
        await sandbox.stop()
    }

    @Test func aClientAssertionWithTheRightClaimsIsAccepted() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let tokenURL = "\(sandbox.info.authority)/\(tenant.id)/oauth2/v2.0/token"
        func assertion(iss: String, exp: Int) -> String {
            let header = #"{"alg":"RS256","typ":"JWT","x5t#S256":"abc"}"#
            let now = Int(Date().timeIntervalSince1970)
            let claims = #"{"aud":"\#(tokenURL)","iss":"\#(iss)","sub":"\#(iss)","jti":"1","nbf":\#(now),"iat":\#(now),"exp":\#(exp)}"#
            func b64(_ s: String) -> String {
                Data(s.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                    .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            }
            return "\(b64(header)).\(b64(claims)).c2ln"
        }
        let now = Int(Date().timeIntervalSince1970)
        let fields: (String) -> [String: String] = { jwt in [
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": jwt,
        ] }
        let good = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form(fields(assertion(iss: tenant.clientId, exp: now + 300))))
        #expect(good.status == 200)
        let wrongIssuer = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form(fields(assertion(iss: "someone-else", exp: now + 300))))
        #expect(wrongIssuer.status == 401)
        let expired = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form(fields(assertion(iss: tenant.clientId, exp: now - 3600))))
        #expect(expired.status == 401)
        #expect(expired.object["error_codes"] as? [Int] == [700024])
        await sandbox.stop()
    }
}
