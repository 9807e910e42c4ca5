import Foundation
import Testing
@testable import AuthdeskServices

/// The transport records each answer's request id in the task's ``RequestLog``: the service's id
/// (Graph, Entra, Auth0), else the client-request-id it sent; only the answer it returns, not
/// the ones it retried; nothing when no log is set.
@Suite struct RequestLogTests {
    let url = URL(string: "http://127.0.0.1:9/v1.0/users")!

    func transport(_ loader: ScriptedLoader) -> HTTPTransport {
        let counter = LockedCounter()
        return HTTPTransport(
            loader: loader, retry: RetryPolicy(maxAttempts: 3, random: { 0.5 }), sleep: { _ in },
            makeRequestID: { "client-\(counter.next())" })
    }

    @Test func eachReturnedAnswersIDIsRecordedInOrder() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(429, "{}", headers: ["Retry-After": "1", "request-id": "retried"]),
            ScriptedLoader.json(201, "{}", headers: ["request-id": "graph-1"]),
            ScriptedLoader.json(204, "", headers: ["x-auth0-requestid": "auth0-2"]),
            ScriptedLoader.json(200, "{}"),
            ScriptedLoader.json(403, #"{"error":{"code":"accessDenied","message":"no"}}"#, headers: ["x-ms-request-id": "entra-4"]),
        ])
        let transport = transport(loader)
        let log = RequestLog()
        try await RequestLog.$current.withValue(log) {
            _ = try await transport.send(HTTPRequest(method: "POST", url: url, idempotent: true))
            _ = try await transport.send(HTTPRequest(method: "DELETE", url: url))
            _ = try await transport.send(HTTPRequest(url: url))
            await #expect(throws: ServiceError.self) { _ = try await transport.send(HTTPRequest(url: url)) }
        }
        #expect(log.all == ["graph-1", "auth0-2", "client-3", "entra-4"])
        #expect(log.last == "entra-4")
    }

    @Test func withoutALogNothingIsRecordedAndLogsDoNotMix() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(200, "{}", headers: ["request-id": "outside"]),
            ScriptedLoader.json(200, "{}", headers: ["request-id": "inside"]),
        ])
        let transport = transport(loader)
        let log = RequestLog()
        _ = try await transport.send(HTTPRequest(url: url))
        try await RequestLog.$current.withValue(log) {
            _ = try await transport.send(HTTPRequest(url: url))
        }
        #expect(log.all == ["inside"])
    }
}
