import Foundation
import Testing
@testable import AuthdeskServices

@Suite struct ClientSecretCredentialTests {
    let signIn = EntraSignIn(
        authority: URL(string: "http://127.0.0.1:9")!, tenantID: "11111111-2222-3333-4444-555555555555", clientID: "app-1")

    func credential(_ loader: ScriptedLoader, clock: ManualClock) -> ClientSecretCredential {
        ClientSecretCredential(
            signIn: signIn, secret: "s3cret~value",
            transport: HTTPTransport(loader: loader, sleep: SleepRecorder().sleep, logger: LogCapture().logger()),
            now: clock.now)
    }

    static func token(_ value: String, expiresIn: Int = 3599) -> ScriptedLoader.Step {
        ScriptedLoader.json(200, #"{"token_type":"Bearer","expires_in":\#(expiresIn),"ext_expires_in":3599,"access_token":"\#(value)"}"#)
    }

    @Test func postsTheClientCredentialsGrantToTheTenantsTokenEndpoint() async throws {
        let loader = ScriptedLoader([Self.token("t1")])
        let token = try await credential(loader, clock: ManualClock()).token()
        #expect(token.value == "t1")
        let sent = try #require(loader.sent.first)
        #expect(sent.method == "POST")
        #expect(sent.url.absoluteString == "http://127.0.0.1:9/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token")
        #expect(sent.headers["content-type"] == "application/x-www-form-urlencoded")
        let fields = Dictionary(uniqueKeysWithValues: sent.body.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            return (parts[0], parts.count > 1 ? parts[1] : "")
        })
        #expect(fields == [
            "client_id": "app-1", "scope": "https://graph.microsoft.com/.default",
            "grant_type": "client_credentials", "client_secret": "s3cret~value",
        ])
    }

    @Test func cachesTheTokenAndRenewsItBeforeItExpires() async throws {
        let loader = ScriptedLoader([Self.token("t1", expiresIn: 3600), Self.token("t2", expiresIn: 3600)])
        let clock = ManualClock()
        let credential = credential(loader, clock: clock)
        #expect(try await credential.token().value == "t1")
        clock.advance(by: 3000)
        #expect(try await credential.token().value == "t1")
        #expect(loader.sent.count == 1)
        clock.advance(by: 400)  // 200 s left: inside the 5-minute margin
        #expect(try await credential.token().value == "t2")
        #expect(loader.sent.count == 2)
    }

    @Test func concurrentCallersShareOneSignIn() async throws {
        let loader = ScriptedLoader([Self.token("t1")])
        let credential = credential(loader, clock: ManualClock())
        let values = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { try await credential.token().value } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(values == Array(repeating: "t1", count: 10))
        #expect(loader.sent.count == 1)
    }

    @Test func invalidateForcesANewToken() async throws {
        let loader = ScriptedLoader([Self.token("t1"), Self.token("t2")])
        let credential = credential(loader, clock: ManualClock())
        _ = try await credential.token()
        await credential.invalidate()
        #expect(try await credential.token().value == "t2")
    }

    @Test func wrongSecretIsASignInFailureWithTheAADSTSCode() async {
        let body = #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'app-1'.\r\nTrace ID: t\r\nCorrelation ID: c\r\nTimestamp: 2026-11-26 20:00:00Z","error_codes":[7000215]}"#
        let loader = ScriptedLoader([ScriptedLoader.json(401, body, headers: ["x-ms-request-id": "trace-1"])])
        let error = await #expect(throws: ServiceError.self) {
            try await credential(loader, clock: ManualClock()).token()
        }
        #expect(error?.kind == .signIn)
        #expect(error?.code == "AADSTS7000215")
        #expect(error?.requestID == "trace-1")
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test func tokenDescriptionHidesTheToken() async throws {
        let loader = ScriptedLoader([Self.token("very-secret-token")])
        let token = try await credential(loader, clock: ManualClock()).token()
        #expect(!String(describing: token).contains("very-secret-token"))
        #expect(!String(reflecting: token).contains("very-secret-token"))
    }
}
