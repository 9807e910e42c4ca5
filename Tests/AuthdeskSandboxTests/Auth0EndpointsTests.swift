import Foundation
import Testing
@testable import AuthdeskSandbox

@Suite("Auth0")
struct Auth0EndpointsTests {
    func token(_ client: TestClient, json: Bool = true) async throws -> String {
        let auth0 = client.info.auth0
        let body: TestClient.Body = json
            ? .json(#"{"grant_type":"client_credentials","client_id":"\#(auth0.clientId)","client_secret":"\#(auth0.clientSecret)","audience":"\#(auth0.baseURL)/","organization":null}"#)
            : .form(["grant_type": "client_credentials", "client_id": auth0.clientId, "client_secret": auth0.clientSecret, "audience": "https://\(auth0.domain)/api/v2/"])
        let answer = try await client.send("POST", try #require(URL(string: auth0.tokenURL)), body: body)
        #expect(answer.status == 200)
        #expect(answer.object["token_type"] as? String == "Bearer")
        #expect((answer.object["scope"] as? String)?.contains("read:authentication_methods") == true)
        return try #require(answer.object["access_token"] as? String)
    }

    @Test func tokensComeFromJSONOrFormAndBadSecretsAreRefused() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        _ = try await token(client, json: true)
        _ = try await token(client, json: false)
        let bad = try await client.send("POST", try #require(URL(string: client.info.auth0.tokenURL)), body: .form([
            "grant_type": "client_credentials", "client_id": client.info.auth0.clientId, "client_secret": "nope", "audience": "\(client.info.auth0.baseURL)/",
        ]))
        #expect(bad.status == 401)
        #expect(bad.object["error"] as? String == "access_denied")
        let noToken = try await client.get("/api/v2/users", token: nil)
        #expect(noToken.status == 401)
        #expect(noToken.object["statusCode"] as? Int == 401)
        let graphToken = try await client.appToken()
        #expect(try await client.get("/api/v2/users", token: graphToken).status == 401)
        await sandbox.stop()
    }

    @Test func usersAreSearchedPagedAndFoundByEmail() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 60))
        let client = TestClient(sandbox)
        let token = try await token(client)
        let all = try await client.get("/api/v2/users", token: token, query: ["q": "", "search_engine": "v3", "per_page": "10", "page": "0", "include_totals": "true"])
        #expect(all.status == 200)
        #expect(all.object["limit"] as? Int == 10)
        #expect(all.object["length"] as? Int == 10)
        let total = try #require(all.object["total"] as? Int)
        #expect(total == 4 + 30)
        #expect(all.header("x-ratelimit-limit") != nil)
        #expect(all.header("x-ratelimit-remaining") != nil)
        #expect(all.header("x-ratelimit-reset") != nil)
        let users = try #require(all.object["users"] as? [[String: Any]])
        #expect(users.allSatisfy { ($0["user_id"] as? String)?.hasPrefix("auth0|") == true })
        let byEmail = try await client.get("/api/v2/users", token: token, query: ["q": "email:\"user@example.com\"", "search_engine": "v3"])
        #expect(byEmail.array.compactMap { $0["user_id"] as? String } == ["auth0|65f2a1b3c4d5e6f708192a3b"])
        let prefix = try await client.get("/api/v2/users", token: token, query: ["q": "name:marta*"])
        #expect(prefix.array.compactMap { $0["name"] as? String } == ["Marta Nowak"])
        let lookup = try await client.get("/api/v2/users-by-email", token: token, query: ["email": "MARTA.NOWAK@example.com"])
        #expect(lookup.array.count == 1)
        let deep = try await client.get("/api/v2/users", token: token, query: ["per_page": "100", "page": "10"])
        #expect(deep.status == 400)
        let missing = try await client.get("/api/v2/users/auth0%7Cnobody", token: token)
        #expect(missing.status == 404)
        #expect(missing.object["errorCode"] as? String == "inexistent_user")
        #expect(missing.object["message"] as? String == "The user does not exist.")
        await sandbox.stop()
    }

    @Test func authenticationMethodsAreListedCreatedUpdatedAndDeleted() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await token(client)
        let base = "/api/v2/users/auth0%7C65f2d1e2f3a4b5c6d7e8f9a0/authentication-methods"
        #expect(try await client.get(base, token: token).array.isEmpty)
        let phone = try await client.send("POST", client.url(base), token: token,
                                          body: .json(#"{"type":"phone","name":"SMS","phone_number":"+14155550123","preferred_authentication_method":"sms"}"#))
        #expect(phone.status == 201)
        let phoneId = try #require(phone.object["id"] as? String)
        #expect(phoneId.hasPrefix("phone|dev_"))
        #expect(phone.object["confirmed"] == nil)
        let stored = try await client.get("\(base)/\(phoneId.replacingOccurrences(of: "|", with: "%7C"))", token: token)
        #expect(stored.object["confirmed"] as? Bool == true)
        let duplicate = try await client.send("POST", client.url(base), token: token, body: .json(#"{"type":"phone","phone_number":"+14155550123"}"#))
        #expect(duplicate.status == 409)
        let badPhone = try await client.send("POST", client.url(base), token: token, body: .json(#"{"type":"phone","phone_number":"0415 555"}"#))
        #expect(badPhone.status == 400)
        let totp = try await client.send("POST", client.url(base), token: token, body: .json(#"{"type":"totp","name":"OTP Application","totp_secret":"JBSWY3DPEHPK3PXPJBSWY3DP"}"#))
        #expect(totp.status == 201)
        #expect(!String(decoding: totp.body, as: UTF8.self).contains("JBSWY3DPEHPK3PXP"))

        let encoded = phoneId.replacingOccurrences(of: "|", with: "%7C")
        let renamed = try await client.send("PATCH", client.url("\(base)/\(encoded)"), token: token, body: .json(#"{"name":"Mobile SMS","preferred_authentication_method":"voice"}"#))
        #expect(renamed.status == 200)
        #expect(renamed.object["name"] as? String == "Mobile SMS")
        #expect(renamed.object["preferred_authentication_method"] as? String == "voice")

        let paged = try await client.get(base, token: token, query: ["page": "0", "per_page": "1", "include_totals": "true"])
        #expect(paged.object["total"] as? Int == 2)
        #expect((paged.object["authenticators"] as? [Any])?.count == 1)
        let past = try await client.get(base, token: token, query: ["page": "5", "per_page": "10"])
        #expect(past.status == 200)
        #expect(past.array.isEmpty)

        #expect(try await client.send("DELETE", client.url("\(base)/\(encoded)"), token: token).status == 204)
        #expect(try await client.send("DELETE", client.url("\(base)/\(encoded)"), token: token).status == 404)
        let replaced = try await client.send("PUT", client.url(base), token: token,
                                             body: .json(#"[{"type":"phone","preferred_authentication_method":"sms","phone_number":"+15555550100","name":"SMS"},{"type":"email","email":"noa@example.com"}]"#))
        #expect(replaced.status == 200)
        #expect(replaced.array.compactMap { $0["type"] as? String } == ["phone", "email"])
        #expect(replaced.array.allSatisfy { $0["confirmed"] == nil })
        let afterReplace = try await client.get(base, token: token).array
        #expect(afterReplace.count == 2)
        #expect(afterReplace.allSatisfy { $0["confirmed"] as? Bool == true })
        #expect(try await client.send("DELETE", client.url(base), token: token).status == 204)
        #expect(try await client.get(base, token: token).array.isEmpty)
        await sandbox.stop()
    }

    @Test func guardianEnrollmentsAndRememberedBrowsersCanBeReset() async throws {
        let sandbox = try await Sandbox.start(SandboxOptions(usersPerTenant: 0))
        let client = TestClient(sandbox)
        let token = try await token(client)
        let user = "/api/v2/users/auth0%7C65f2c9d0e1f2a3b4c5d6e7f8"
        #expect(try await client.send("DELETE", client.url("\(user)/authenticators"), token: token).status == 204)
        let left = try await client.get("\(user)/authentication-methods", token: token).array.compactMap { $0["type"] as? String }
        #expect(left == ["passkey"])
        #expect(try await client.send("POST", client.url("\(user)/multifactor/actions/invalidate-remember-browser"), token: token).status == 204)
        let patched = try await client.send("PATCH", client.url(user), token: token, body: .json(#"{"password":"n3w-Passw0rd!"}"#))
        #expect(patched.status == 200)
        #expect(patched.object["last_password_reset"] as? String != nil)
        await sandbox.stop()
    }

    @Test func theRateLimitAnswers429WithResetHeaders() async throws {
        // A frozen clock: the bucket does not refill between requests however slow the machine is.
        var options = SandboxOptions(usersPerTenant: 0, auth0RateLimit: 3)
        let frozen = Date()
        options.now = { frozen }
        let sandbox = try await Sandbox.start(options)
        let client = TestClient(sandbox)
        let token = try await token(client)
        var statuses: [Int] = []
        var last: TestClient.Answer?
        for _ in 0..<5 {
            let answer = try await client.get("/api/v2/users-by-email", token: token, query: ["email": "user@example.com"])
            statuses.append(answer.status)
            last = answer
        }
        #expect(statuses.prefix(3).allSatisfy { $0 == 200 })
        #expect(statuses.contains(429))
        let limited = try #require(last)
        #expect(limited.status == 429)
        #expect(limited.object["message"] as? String == "Global limit has been reached")
        #expect(limited.header("x-ratelimit-remaining") == "0")
        let reset = try #require(limited.header("x-ratelimit-reset").flatMap(Int.init))
        #expect(reset >= Int(frozen.timeIntervalSince1970))
        await sandbox.stop()
    }
}
