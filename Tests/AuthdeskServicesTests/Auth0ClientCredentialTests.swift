import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

/// Auth0 client-credentials sign-in: against the sandbox, and against scripted answers for
/// caching and renewal.
@Suite struct Auth0ClientCredentialTests {
    @Test func signsInToTheSandboxAndCachesTheToken() async throws {
        let harness = try await Auth0SandboxHarness.start(.init(usersPerTenant: 0))
        let credential = harness.credential()
        let first = try await credential.token()
        let second = try await credential.token()
        let requests = harness.sandbox.stats().total
        await harness.sandbox.stop()
        #expect(!first.value.isEmpty)
        #expect(first == second)
        #expect(requests == 1)
        #expect(first.expiresOn > Date().addingTimeInterval(3600))
    }

    @Test func aWrongSecretIsASignInFailureThatNeverShowsTheSecret() async throws {
        let harness = try await Auth0SandboxHarness.start(.init(usersPerTenant: 0))
        let error = await #expect(throws: ServiceError.self) {
            try await harness.credential(secret: "not-the-real-secret").token()
        }
        await harness.sandbox.stop()
        #expect(error?.kind == .signIn)
        #expect(error?.status == 401)
        #expect(error?.code == "access_denied")
        #expect(error?.message.contains("client id and secret") == true)
        #expect(error?.requestID?.isEmpty == false)
        #expect(error.map { String(describing: $0) }?.contains("not-the-real-secret") == false)
    }

    @Test func sendsTheClientCredentialsFormWithTheManagementAudience() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(200, #"{"access_token":"t1","expires_in":86400,"token_type":"Bearer"}"#)])
        let credential = Auth0ClientCredential(
            root: try #require(URL(string: "https://acme.eu.auth0.com")), domain: "acme.eu.auth0.com",
            clientID: "cid", secret: "s3cret", transport: HTTPTransport(loader: loader))
        _ = try await credential.token()
        let sent = try #require(loader.sent.first)
        #expect(sent.method == "POST")
        #expect(sent.url.absoluteString == "https://acme.eu.auth0.com/oauth/token")
        let fields = Dictionary(uniqueKeysWithValues: sent.body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        })
        #expect(fields == [
            "grant_type": "client_credentials", "client_id": "cid", "client_secret": "s3cret",
            "audience": "https://acme.eu.auth0.com/api/v2/",
        ])
    }

    @Test func renewsTheTokenBeforeItExpires() async throws {
        let clock = ManualClock()
        let loader = ScriptedLoader([
            ScriptedLoader.json(200, #"{"access_token":"first","expires_in":600}"#),
            ScriptedLoader.json(200, #"{"access_token":"second","expires_in":600}"#),
        ])
        let credential = Auth0ClientCredential(
            root: try #require(URL(string: "https://acme.auth0.com")), domain: "acme.auth0.com", clientID: "c",
            secret: "s", transport: HTTPTransport(loader: loader, now: clock.now), refreshMargin: 300, now: clock.now)
        #expect(try await credential.token().value == "first")
        clock.advance(by: 299)
        #expect(try await credential.token().value == "first")
        clock.advance(by: 2)
        #expect(try await credential.token().value == "second")
        #expect(loader.sent.count == 2)
    }

    @Test func aForgottenTokenIsAskedForAgain() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(200, #"{"access_token":"first","expires_in":86400}"#),
            ScriptedLoader.json(200, #"{"access_token":"second","expires_in":86400}"#),
        ])
        let credential = Auth0ClientCredential(
            root: try #require(URL(string: "https://acme.auth0.com")), domain: "acme.auth0.com", clientID: "c",
            secret: "s", transport: HTTPTransport(loader: loader))
        #expect(try await credential.token().value == "first")
        await credential.invalidate()
        #expect(try await credential.token().value == "second")
    }

    @Test func anAnswerWithoutATokenIsInvalid() async throws {
        let loader = ScriptedLoader([ScriptedLoader.json(200, #"{"token_type":"Bearer"}"#)])
        let credential = Auth0ClientCredential(
            root: try #require(URL(string: "https://acme.auth0.com")), domain: "acme.auth0.com", clientID: "c",
            secret: "s", transport: HTTPTransport(loader: loader))
        let error = await #expect(throws: ServiceError.self) { try await credential.token() }
        #expect(error?.kind == .invalidResponse)
    }

    @Test(arguments: [
        ("acme.eu.auth0.com", "https://acme.eu.auth0.com/api/v2/"),
        ("127.0.0.1:8080", "https://127.0.0.1:8080/api/v2/"),
        ("https://acme.auth0.com/", "https://acme.auth0.com/api/v2/"),
    ])
    func theAudienceIsTheManagementAPIOfTheDomain(_ domain: String, _ audience: String) {
        #expect(Auth0ClientCredential.audience(domain: domain) == audience)
    }
}
