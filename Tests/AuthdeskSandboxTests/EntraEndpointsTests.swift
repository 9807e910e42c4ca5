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

    @Test func theSecretMayComeInABasicAuthorizationHeader() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let basic = Data("\(tenant.clientId):\(tenant.clientSecret)".utf8).base64EncodedString()
        let answer = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), headers: ["Authorization": "Basic \(basic)"],
                                           body: .form(["scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials"]))
        #expect(answer.status == 200)
        await sandbox.stop()
    }

    @Test func aRefreshTokenWorksUntilTheSessionsAreRevoked() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .zero))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let start = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/devicecode"), body: .form([
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default offline_access",
        ]))
        let code = try #require(start.object["device_code"] as? String)
        let signedIn = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "device_code": code, "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        ]))
        let refresh = try #require(signedIn.object["refresh_token"] as? String)
        let redeem = { (token: String) in
            try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
                "client_id": tenant.clientId, "refresh_token": token, "grant_type": "refresh_token",
                "scope": "https://graph.microsoft.com/.default offline_access",
            ]))
        }
        let renewed = try await redeem(refresh)
        #expect(renewed.status == 200)
        let next = try #require(renewed.object["refresh_token"] as? String)
        #expect(try await redeem(refresh).status == 400)
        let app = try await client.appToken()
        let revoke = try await client.send("POST", client.url("/v1.0/users/\(tenant.operator)/revokeSignInSessions"), token: app)
        #expect(revoke.status == 200)
        let refused = try await redeem(next)
        #expect(refused.status == 400)
        #expect(refused.object["error"] as? String == "invalid_grant")
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
        // The sandbox's clock is the test's: pending before the approval delay, signed in after it,
        // however slow the machine.
        let clock = ManualDate()
        var options = SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(1200))
        options.now = { clock.now }
        let sandbox = try await Sandbox.start(options)
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
        clock.advance(by: 2)
        let done = try await poll()
        #expect(done.status == 200)
        let token = try #require(done.object["access_token"] as? String)
        #expect(done.object["refresh_token"] as? String != nil)
        let me = try await client.get("/v1.0/me", token: token)
        #expect(me.object["userPrincipalName"] as? String == tenant.operator)
        await sandbox.stop()
    }

    @Test func theOpenIdConfigurationNamesTheTenantsEndpoints() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        for key in [tenant.id, tenant.domain] {
            let answer = try await client.get("/\(key)/v2.0/.well-known/openid-configuration", token: nil)
            #expect(answer.status == 200)
            let base = "\(sandbox.info.authority)/\(tenant.id)"
            #expect(answer.object["issuer"] as? String == "\(base)/v2.0")
            #expect(answer.object["token_endpoint"] as? String == "\(base)/oauth2/v2.0/token")
            #expect(answer.object["device_authorization_endpoint"] as? String == "\(base)/oauth2/v2.0/devicecode")
            #expect(answer.object["authorization_endpoint"] as? String == "\(base)/oauth2/v2.0/authorize")
        }
        let unknown = try await client.get("/nowhere.example/v2.0/.well-known/openid-configuration", token: nil)
        #expect(unknown.status == 400)
        #expect(unknown.object["error_codes"] as? [Int] == [90002])
        await sandbox.stop()
    }

    @Test func aDeviceCodeSignInGivesAnIdTokenWithASubjectAndClientInfo() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .zero))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let start = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/devicecode"), body: .form([
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default openid profile offline_access",
        ]))
        let code = try #require(start.object["device_code"] as? String)
        let done = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "device_code": code, "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
            "client_info": "1",
        ]))
        #expect(done.status == 200)
        let idToken = try #require(done.object["id_token"] as? String)
        let claims = try #require(Base64URL.decodeJSON(idToken.split(separator: ".")[1]))
        #expect(claims["sub"]?.stringValue?.isEmpty == false)
        #expect(claims["tid"]?.stringValue == tenant.id)
        #expect(claims["preferred_username"]?.stringValue == tenant.operator)
        let clientInfo = try #require(done.object["client_info"] as? String)
        let info = try #require(Base64URL.decodeJSON(clientInfo))
        #expect(info["utid"]?.stringValue == tenant.id)
        #expect(info["uid"]?.stringValue == claims["oid"]?.stringValue)
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

    @Test func theDeviceCodeIntervalFollowsTheOption() async throws {
        var options = SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .milliseconds(200))
        options.deviceCodePollInterval = .milliseconds(50)
        let sandbox = try await Sandbox.start(options)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let now = Date()
        let (interval, errors) = try sandbox.withState { state in
            let index = try #require(state.tenantIndex(tenant.id))
            let started = EntraEndpoints.deviceCode(["client_id": tenant.clientId, "scope": "User.Read.All"], tenantIndex: index, state: &state, now: now)
            let code = try #require(state.deviceCodes.keys.first)
            func poll(_ at: Double) -> String? {
                EntraEndpoints.deviceCodeToken(["device_code": code], tenantIndex: index, state: &state,
                                               now: now.addingTimeInterval(at)).jsonBody?["error"]?.stringValue
            }
            // Every 50 ms is the pace asked for: pending until the approval at 200 ms, then a token.
            return (started.jsonBody?["interval"], [poll(0.05), poll(0.1), poll(0.15), poll(0.2)])
        }
        #expect(interval == .double(0.05))
        #expect(errors == ["authorization_pending", "authorization_pending", "authorization_pending", nil])
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

    @Test func clientAssertionsAreCheckedOverHTTP() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "contoso"))
        let tokenURL = "\(sandbox.info.authority)/\(tenant.id)/oauth2/v2.0/token"
        func assertion(iss: String, exp: Int) -> String {
            let header = #"{"alg":"RS256","typ":"JWT","x5t#S256":"9Rd3DM7uu61JsyQeX8xGe4OAkxtiGbozzQAieXfNX1c"}"#
            let now = Int(Date().timeIntervalSince1970)
            let claims = #"{"aud":"\#(tokenURL)","iss":"\#(iss)","sub":"\#(iss)","jti":"1","nbf":\#(now),"iat":\#(now),"exp":\#(exp)}"#
            func b64(_ s: String) -> String {
                Data(s.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                    .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            }
            return "\(b64(header)).\(b64(claims)).\(b64(String(repeating: "x", count: 256)))"
        }
        let now = Int(Date().timeIntervalSince1970)
        let send = { (jwt: String) in
            try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
                "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials",
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": jwt,
            ]))
        }
        let forged = try await send(assertion(iss: tenant.clientId, exp: now + 300))
        #expect(forged.status == 401)
        #expect(forged.object["error_codes"] as? [Int] == [700027])
        let wrongIssuer = try await send(assertion(iss: "someone-else", exp: now + 300))
        #expect(wrongIssuer.status == 401)
        #expect(wrongIssuer.object["error_codes"] as? [Int] == [700021])
        let expired = try await send(assertion(iss: tenant.clientId, exp: now - 3600))
        #expect(expired.status == 401)
        #expect(expired.object["error_codes"] as? [Int] == [700024])
        #expect(try await send("not-a-jwt").status == 400)
        await sandbox.stop()
    }

    /// Assertions signed with the sample certificate's key by openssl, issued at 1800000000.
    static let signedRS256 = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsIng1dCNTMjU2IjoiOVJkM0RNN3V1NjFKc3lRZVg4eEdlNE9Ba3h0aUdib3p6UUFpZVhmTlgxYyJ9.eyJhdWQiOiJodHRwczovL2xvZ2luLm1pY3Jvc29mdG9ubGluZS5jb20vYjNmMWE2ZDItN2M0ZS00ZTlhLThmMjEtNWQ2YzdlOGY5YTAxL29hdXRoMi92Mi4wL3Rva2VuIiwiaXNzIjoiNmU5YzFkMmEtM2I0Zi00YTVlLTljOGQtN2Y2ZTVkNGMzYjJhIiwic3ViIjoiNmU5YzFkMmEtM2I0Zi00YTVlLTljOGQtN2Y2ZTVkNGMzYjJhIiwianRpIjoiZml4dHVyZS1SUzI1NiIsIm5iZiI6MTgwMDAwMDAwMCwiaWF0IjoxODAwMDAwMDAwLCJleHAiOjE4MDAwMDA2MDB9.bCzqLWLf9oKpwUbJiE3r_QVoNG6hI4AEdU_ne1FQHjNtHGHyQGTip9y6Q89iOxEtwBgeATwUyshPjIaX-RppdLQKMud_kzcJablsGx95hupNAK7qyYvHtCeOq16r__hHzV_fHSAaj0UXVnGTivelzX0FCV1Um3-iv1ftvlMlfSqGvEI68Wmpu3DxNkF1UyIdRSG9D698BthYIzaCnxdjMxV9Uofj0TQGQsZrH8DJhYSwZLugsmp68y8T0i3ufZ__McIHsDgrmcnQbaMI_LokPQaNd1l0Zg30jR6zT5qgjKxznbYviyKI9gREncGV_K8MZYwRW2cmKoypEsWi2nRFrw"
    static let signedPS256 = "eyJhbGciOiJQUzI1NiIsInR5cCI6IkpXVCIsIng1dCNTMjU2IjoiOVJkM0RNN3V1NjFKc3lRZVg4eEdlNE9Ba3h0aUdib3p6UUFpZVhmTlgxYyJ9.eyJhdWQiOiJodHRwczovL2xvZ2luLm1pY3Jvc29mdG9ubGluZS5jb20vYjNmMWE2ZDItN2M0ZS00ZTlhLThmMjEtNWQ2YzdlOGY5YTAxL29hdXRoMi92Mi4wL3Rva2VuIiwiaXNzIjoiNmU5YzFkMmEtM2I0Zi00YTVlLTljOGQtN2Y2ZTVkNGMzYjJhIiwic3ViIjoiNmU5YzFkMmEtM2I0Zi00YTVlLTljOGQtN2Y2ZTVkNGMzYjJhIiwianRpIjoiZml4dHVyZS1QUzI1NiIsIm5iZiI6MTgwMDAwMDAwMCwiaWF0IjoxODAwMDAwMDAwLCJleHAiOjE4MDAwMDA2MDB9.D0rNG6ChFY6_F62-Rw35bbyO3gcfVe6kfwtfCejnBgWS4hXKvCWDFDcWv2-jqJOpmb2d2PYCVSoVx8zDjwEgVYpFI22UnbCtB_b2TkP-ljmZYFMCXXSbxI6623YElvLhMNwUqP_4gWeP07kGHLLKXb36_Eg9pS7X0s4_9Xnga9kykSreGqNBOPAg8HyOrOwu3AFy5XCqmDNTQy7zLyASmpCiohLtjwMpfpRcOP2wW6mrcpByinV8ExlX48XYhHAJaREklC_j4YTTHL2R558YqyxjtX1AkaUvbl_TqhLeluhoAVZGO9qLFCqEBPhhR9Q2QGUAI0fh5w-VzOrS5oi0DA"

    @Test(arguments: [signedRS256, signedPS256])
    func signedAssertionsAreAcceptedInTheirTimeWindow(_ assertion: String) throws {
        let tenant = try #require(try SeedLoader.entraTenants(usersPerTenant: 0, seed: 1).first { $0.name == "contoso" })
        let issued = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(EntraEndpoints.checkAssertion(assertion, tenant: tenant, now: issued.addingTimeInterval(10)) == nil)
        let late = EntraEndpoints.checkAssertion(assertion, tenant: tenant, now: issued.addingTimeInterval(3600))
        #expect(late?.jsonBody?["error_codes"]?.arrayValue == [.int(700024)])
        var tampered = Array(assertion)
        let index = tampered.count - 10
        tampered[index] = tampered[index] == "A" ? "B" : "A"
        let refused = EntraEndpoints.checkAssertion(String(tampered), tenant: tenant, now: issued.addingTimeInterval(10))
        #expect(refused?.jsonBody?["error_codes"]?.arrayValue == [.int(700027)])
        var stranger = tenant
        stranger.certificates = []
        let unknown = EntraEndpoints.checkAssertion(assertion, tenant: stranger, now: issued.addingTimeInterval(10))
        #expect(unknown?.jsonBody?["error_codes"]?.arrayValue == [.int(700027)])
    }

    @Test func aDeclinedSignInAndExpiredTokensCanBeStaged() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0, deviceCodeApprovalDelay: .zero))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "fabrikam"))
        sandbox.declineNextDeviceCodeSignIns()
        let start = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/devicecode"), body: .form([
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default",
        ]))
        let code = try #require(start.object["device_code"] as? String)
        let declined = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "device_code": code, "grant_type": "urn:ietf:params:oauth:grant-type:device_code",
        ]))
        #expect(declined.status == 400)
        #expect(declined.object["error"] as? String == "authorization_declined")

        let token = try await client.appToken("fabrikam")
        #expect(try await client.get("/v1.0/users", token: token).status == 200)
        sandbox.expireAllTokens()
        let expired = try await client.get("/v1.0/users", token: token)
        #expect(expired.status == 401)
        #expect((expired.object["error"] as? [String: Any])?["message"] as? String == "Lifetime validation failed, the token is expired.")
        await sandbox.stop()
    }

    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Signs `text` with the sample key through the openssl command (RS256, or PS256 with `pss`).
    static func sign(_ text: String, pss: Bool) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem")
        let input = directory.appendingPathComponent("in")
        try Sandbox.sampleCertificate().privateKeyPEM.write(to: key, atomically: true, encoding: .utf8)
        try Data(text.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl ?? "/usr/bin/openssl")
        process.arguments = ["dgst", "-sha256", "-sign", key.path]
            + (pss ? ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"] : []) + [input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test(.enabled(if: openssl != nil), arguments: [false, true])
    func aFreshlySignedAssertionBuysAToken(pss: Bool) async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let tenant = try #require(sandbox.info.tenant(named: "fabrikam"))
        func b64(_ data: Data) -> String {
            data.base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        let now = Int(Date().timeIntervalSince1970)
        let header = #"{"alg":"\#(pss ? "PS256" : "RS256")","typ":"JWT","x5t":"zLpyepHdISYEuo2amCMqOhHiLKk"}"#
        let claims = #"{"aud":"\#(sandbox.info.authority)/\#(tenant.id)/oauth2/v2.0/token","iss":"\#(tenant.clientId)","sub":"\#(tenant.clientId)","jti":"\#(UUID().uuidString)","nbf":\#(now),"iat":\#(now),"exp":\#(now + 600)}"#
        let signingInput = "\(b64(Data(header.utf8))).\(b64(Data(claims.utf8)))"
        let jwt = "\(signingInput).\(b64(try Self.sign(signingInput, pss: pss)))"
        let answer = try await client.send("POST", client.url("/\(tenant.id)/oauth2/v2.0/token"), body: .form([
            "client_id": tenant.clientId, "scope": "https://graph.microsoft.com/.default", "grant_type": "client_credentials",
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": jwt,
        ]))
        #expect(answer.status == 200)
        let token = try #require(answer.object["access_token"] as? String)
        #expect(try await client.get("/v1.0/users", token: token).status == 200)
        await sandbox.stop()
    }
}
