import Foundation
import Synchronization
import Testing
@testable import AuthdeskServices

@Suite struct RequestTraceTests {
    @Test func aLineHasMethodPathStatusDurationRetriesAndBothIDs() {
        let trace = RequestTrace(
            method: "GET", path: "/v1.0/users", status: 200, duration: .milliseconds(41), attempts: 3,
            waits: [.milliseconds(1500), .seconds(3)], clientRequestID: "c-1", requestID: "r-9")
        #expect(trace.line == "GET /v1.0/users 200 41ms attempts=3 waited=1.5s+3.0s client-request-id=c-1 request-id=r-9")
        let lost = RequestTrace(
            method: "POST", path: "", status: nil, duration: .zero, attempts: 1, waits: [], clientRequestID: "c", requestID: nil)
        #expect(lost.line == "POST / no-answer 0ms client-request-id=c request-id=-")
    }

    /// The transport reports each exchange once it ends, after its retries, with the path only:
    /// no query, no header, no body.
    @Test func theTransportReportsEachExchangeWithoutItsQueryHeadersOrBody() async throws {
        let seen = Mutex<[RequestTrace]>([])
        let path = "/trace-\(UUID().uuidString)/token"
        RequestTrace.install { event in
            if event.path == path { seen.withLock { $0.append(event) } }
        }
        defer { RequestTrace.install(nil) }
        let loader = ScriptedLoader([
            ScriptedLoader.json(429, "{}", headers: ["Retry-After": "1"]),
            ScriptedLoader.json(200, "{}", headers: ["request-id": "r-2"]),
        ])
        let transport = HTTPTransport(
            loader: loader, retry: RetryPolicy(maxAttempts: 3, random: { 0.5 }), sleep: { _ in },
            now: { Date(timeIntervalSince1970: 1_000_000) })
        let url = try #require(URL(string: "http://127.0.0.1:9\(path)?client_secret=hunter2"))
        _ = try await transport.send(HTTPRequest.form(url: url, fields: [("password", "hunter2")]))
        let events = seen.withLock { $0 }
        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.status == 200 && event.attempts == 2 && event.waits == [.seconds(1)])
        #expect(event.requestID == "r-2" && event.clientRequestID == loader.sent.first?.headers["client-request-id"])
        #expect(!event.line.contains("hunter2") && !event.line.contains("?"))
    }
}
