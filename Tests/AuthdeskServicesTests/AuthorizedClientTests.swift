import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

/// The one authorized-request loop both providers use: the bearer token, one retry with a
/// fresh token after a 401, the service's own error wording, JSON reads asked again, and
/// writes refused in read-only mode or answered with a receipt.
@Suite struct AuthorizedClientTests {
    static let url = URL(string: "https://svc.example/api/thing")!

    func client(
        _ loader: ScriptedLoader, tokens: StaticTokenProvider = StaticTokenProvider("tok"), readOnly: Bool = false
    ) -> AuthorizedClient {
        let transport = HTTPTransport(
            loader: loader, retry: RetryPolicy(maxAttempts: 1, random: { 0 }), sleep: SleepRecorder().sleep,
            makeRequestID: { "sent-id" })
        return AuthorizedClient(
            tenant: TenantInfo(name: "t", provider: .graph, id: "tid", domain: "t.example", readOnly: readOnly),
            tokens: tokens, transport: transport, budget: WriteBudget(now: transport.now, sleep: transport.sleep),
            serviceName: "Svc",
            error: { response in ServiceError(kind: .badInput, status: response.status, code: "svc", message: "Svc said no") },
            requestID: { $0.header("x-svc-id") })
    }

    @Test func a401IsTriedOnceMoreWithAFreshTokenThenTheServicesErrorIsThrown() async throws {
        let tokens = StaticTokenProvider("old", "new", "newer")
        let loader = ScriptedLoader([ScriptedLoader.json(401, "{}"), ScriptedLoader.json(401, "{}")])
        let error = await #expect(throws: ServiceError.self) {
            try await client(loader, tokens: tokens).send(HTTPRequest(url: Self.url))
        }
        #expect(error?.code == "svc" && error?.status == 401, "the service's decoder words the failure")
        #expect(loader.sent.map { $0.headers["authorization"] } == ["Bearer old", "Bearer new"])
        #expect(tokens.invalidations == 1, "refreshed once only")
    }

    @Test func aReadThatIsNotJSONIsAskedForAgainThenFailsNamingTheService() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(200, "not json"), ScriptedLoader.json(200, "<html>"),
            ScriptedLoader.json(200, "", headers: ["x-svc-id": "svc-3"]),
        ])
        let error = await #expect(throws: ServiceError.self) { try await client(loader).getJSON(Self.url) }
        #expect(error?.kind == .invalidResponse)
        #expect(error?.message == "Svc's answer could not be read as JSON")
        #expect(error?.requestID == "svc-3", "the service's way of quoting a request id")
        #expect(loader.sent.count == 3)
        #expect(loader.sent.allSatisfy { $0.headers["accept"] == "application/json" })
    }

    @Test func aWriteIsRefusedInReadOnlyModeAndOtherwiseAnsweredWithAReceipt() async throws {
        let refused = ScriptedLoader([])
        let error = await #expect(throws: ServiceError.self) {
            try await client(refused, readOnly: true).write(HTTPRequest(method: "DELETE", url: Self.url))
        }
        #expect(error?.kind == .readOnly)
        #expect(refused.sent.isEmpty, "nothing was sent")

        let loader = ScriptedLoader([.answer(status: 200, headers: ["request-id": "svc-1"], body: "")])
        let receipt = try await client(loader).receipt(HTTPRequest(method: "POST", url: Self.url, idempotent: true))
        #expect(receipt.status == 200, "the status the service answered")
        #expect(receipt.requestID == "svc-1")
        let unnamed = ScriptedLoader([.answer(status: 204, headers: [:], body: "")])
        let sent = try await client(unnamed).receipt(HTTPRequest(method: "DELETE", url: Self.url))
        #expect(sent.status == 204 && sent.requestID == "sent-id", "else the client-request-id sent")
    }
}
