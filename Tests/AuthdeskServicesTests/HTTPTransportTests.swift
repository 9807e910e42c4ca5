import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import AuthdeskServices

@Suite struct HTTPTransportTests {
    let url = URL(string: "http://127.0.0.1:9/v1.0/users")!

    func transport(_ loader: ScriptedLoader, _ sleeper: SleepRecorder, attempts: Int = 5, logs: LogCapture = LogCapture()) -> HTTPTransport {
        HTTPTransport(
            loader: loader, retry: RetryPolicy(maxAttempts: attempts, random: { 0.5 }),
            sleep: sleeper.sleep, now: { Date(timeIntervalSince1970: 1_000_000) }, logger: logs.logger())
    }

    static let throttled = #"{"error":{"code":"TooManyRequests","message":"Too many requests.","innerError":{"date":"2024-01-18T16:37:10","request-id":"body-id","client-request-id":"c"}}}"#

    @Test func retriesA429AfterItsFractionalRetryAfter() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(429, Self.throttled, headers: ["Retry-After": "2.128", "request-id": "r1"]),
            ScriptedLoader.json(200, #"{"value":[]}"#, headers: ["request-id": "r2"]),
        ])
        let sleeper = SleepRecorder()
        let response = try await transport(loader, sleeper).send(HTTPRequest(url: url))
        #expect(response.status == 200)
        #expect(response.attempts == 2)
        #expect(response.throttledAttempts == 1, "the adaptive concurrency hears that it got through after a 429")
        #expect(response.requestID == "r2")
        #expect(sleeper.recorded == [.seconds(2.128)])
        let ids = loader.sent.map { $0.headers["client-request-id"] }
        #expect(ids.count == 2)
        #expect(ids[0] != nil && ids[0] == ids[1])
        #expect(ids[0] == response.clientRequestID)
    }

    @Test func aShortRetryAfterThatKeepsBeingAnsweredBacksOffAsWell() async throws {
        let loader = ScriptedLoader(
            Array(repeating: ScriptedLoader.json(429, Self.throttled, headers: ["Retry-After": "0.001"]), count: 4)
                + [ScriptedLoader.json(200, "{}")])
        let sleeper = SleepRecorder()
        let response = try await transport(loader, sleeper).send(HTTPRequest(url: url))
        #expect(response.attempts == 5)
        // The first wait is the service's; then at least the back-off of the failure before.
        #expect(sleeper.recorded == [.seconds(0.001), .seconds(0.375), .seconds(0.75), .seconds(1.5)])
    }

    @Test func retries503And504WithExponentialBackoff() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(503, "{}"), ScriptedLoader.json(504, "{}"), ScriptedLoader.json(503, "{}"),
            ScriptedLoader.json(200, "{}"),
        ])
        let sleeper = SleepRecorder()
        let response = try await transport(loader, sleeper).send(HTTPRequest(url: url))
        #expect(response.attempts == 4)
        // base 0.5 s doubled each time; half fixed, half jitter (0.5 here).
        #expect(sleeper.recorded == [.seconds(0.375), .seconds(0.75), .seconds(1.5)])
    }

    @Test func givesUpAfterTheLastAttemptWithTheServicesCodeAndRequestID() async {
        let loader = ScriptedLoader(Array(repeating: ScriptedLoader.json(429, Self.throttled, headers: ["Retry-After": "1", "request-id": "r-last"]), count: 3))
        let sleeper = SleepRecorder()
        let error = await #expect(throws: ServiceError.self) {
            try await transport(loader, sleeper, attempts: 3).send(HTTPRequest(url: url))
        }
        #expect(error?.kind == .throttled)
        #expect(error?.status == 429)
        #expect(error?.code == "TooManyRequests")
        #expect(error?.requestID == "r-last")
        #expect(error?.message.contains("gave up after 3 attempts") == true)
        #expect(error?.retryAfter == .seconds(1), "the wait the last answer asked for, for a bulk run's resend")
        #expect(sleeper.recorded == [.seconds(1), .seconds(1)])
        #expect(loader.sent.count == 3)
    }

    @Test func retriesADroppedConnection() async throws {
        let loader = ScriptedLoader([.fail(.networkConnectionLost), ScriptedLoader.json(200, "{}")])
        let sleeper = SleepRecorder()
        let response = try await transport(loader, sleeper).send(HTTPRequest(url: url))
        #expect(response.attempts == 2)
        #expect(sleeper.recorded.count == 1)
    }

    @Test func aPostThatMayHaveLandedIsNotSentAgain() async {
        let loader = ScriptedLoader([.fail(.networkConnectionLost), ScriptedLoader.json(201, "{}")])
        let sleeper = SleepRecorder()
        let error = await #expect(throws: ServiceError.self) {
            try await transport(loader, sleeper).send(HTTPRequest(method: "POST", url: url, body: Data("{}".utf8)))
        }
        #expect(loader.sent.count == 1)
        #expect(error?.kind == .unavailable)
        #expect(error?.message.contains("may have been made") == true)
    }

    @Test func aPostThatNeverLeftIsSentAgain() async throws {
        let loader = ScriptedLoader([.fail(.cannotConnectToHost), ScriptedLoader.json(201, "{}")])
        let response = try await transport(loader, SleepRecorder()).send(HTTPRequest(method: "POST", url: url, body: Data("{}".utf8)))
        #expect(response.attempts == 2)
    }

    @Test func anIdempotentPostIsSentAgainAfterADroppedConnection() async throws {
        let loader = ScriptedLoader([.fail(.networkConnectionLost), ScriptedLoader.json(204, "")])
        let response = try await transport(loader, SleepRecorder()).send(
            HTTPRequest(method: "POST", url: url, body: Data("{}".utf8), idempotent: true))
        #expect(response.attempts == 2)
        #expect(HTTPRequest.form(url: url, fields: []).isIdempotent)
        #expect(!HTTPRequest(method: "POST", url: url).isIdempotent)
        #expect(HTTPRequest(method: "DELETE", url: url).isIdempotent)
    }

    @Test func noAnswerAtAllIsUnavailableWithTheClientRequestID() async {
        let loader = ScriptedLoader(Array(repeating: .fail(.cannotConnectToHost), count: 2))
        let sleeper = SleepRecorder()
        let error = await #expect(throws: ServiceError.self) {
            try await transport(loader, sleeper, attempts: 2).send(HTTPRequest(url: url))
        }
        #expect(error?.kind == .unavailable)
        #expect(error?.code == "URLError\(URLError.cannotConnectToHost.rawValue)")
        #expect(error?.requestID == loader.sent.first?.headers["client-request-id"])
        #expect(error?.message.contains("after 2 attempts") == true)
    }

    @Test func cancelledLoadIsNotRetried() async {
        let loader = ScriptedLoader([.fail(.cancelled), ScriptedLoader.json(200, "{}")])
        let error = await #expect(throws: ServiceError.self) {
            try await transport(loader, SleepRecorder()).send(HTTPRequest(url: url))
        }
        #expect(error?.code == "cancelled")
        #expect(loader.sent.count == 1)
    }

    @Test func badRequestIsNotRetried() async {
        let body = #"{"error":{"code":"Request_UnsupportedQuery","message":"Unsupported query.","innerError":{"request-id":"body-id"}}}"#
        let loader = ScriptedLoader([ScriptedLoader.json(400, body), ScriptedLoader.json(200, "{}")])
        let error = await #expect(throws: ServiceError.self) {
            try await transport(loader, SleepRecorder()).send(HTTPRequest(url: url))
        }
        #expect(error == ServiceError(kind: .badInput, status: 400, code: "Request_UnsupportedQuery", message: "Unsupported query.", requestID: "body-id"))
        #expect(loader.sent.count == 1)
    }

    @Test func notFoundKeepsTheHeaderRequestID() async {
        let body = #"{"error":{"code":"Request_ResourceNotFound","message":"Resource 'nobody@contoso.com' does not exist.","innerError":{"request-id":"body-id"}}}"#
        let loader = ScriptedLoader([ScriptedLoader.json(404, body, headers: ["request-id": "header-id"])])
        let error = await #expect(throws: ServiceError.self) {
            try await transport(loader, SleepRecorder()).send(HTTPRequest(url: url))
        }
        #expect(error?.kind == .notFound)
        #expect(error?.code == "Request_ResourceNotFound")
        #expect(error?.requestID == "header-id")
        #expect(error?.description.contains("request id header-id") == true)
    }

    @Test func auth0RateLimitResetIsHonoured() async throws {
        let loader = ScriptedLoader([
            ScriptedLoader.json(429, #"{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached"}"#,
                                headers: ["x-ratelimit-reset": "1000003"]),
            ScriptedLoader.json(200, "[]"),
        ])
        let sleeper = SleepRecorder()
        _ = try await transport(loader, sleeper).send(HTTPRequest(url: url))
        #expect(sleeper.recorded == [.seconds(3)])
    }

    @Test func everyAttemptARetrysIncludedTakesItsTurnFromThePacer() async throws {
        // Two a second and none left, and time stands still: each attempt's turn comes half a
        // second after the one before, the retry after a 429 included; the answer says how long
        // the client itself waited, apart from the service's reset.
        let pacer = RequestPacer()
        await pacer.learn(limit: 2, remaining: 0, at: Date(timeIntervalSince1970: 1_000_000))
        let loader = ScriptedLoader([
            ScriptedLoader.json(429, #"{"statusCode":429,"error":"Too Many Requests","message":"Global limit has been reached"}"#,
                                headers: ["x-ratelimit-limit": "2", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000003"]),
            ScriptedLoader.json(200, "[]"),
        ])
        let sleeper = SleepRecorder()
        let response = try await transport(loader, sleeper).response(for: HTTPRequest(url: url), pacer: pacer)
        #expect(response.status == 200 && response.attempts == 2)
        #expect(sleeper.recorded == [.seconds(0.5), .seconds(3), .seconds(1)])
        #expect(response.pacedFor == .seconds(1.5))
    }

    @Test func logsCarryNoSecrets() async throws {
        let logs = LogCapture()
        let loader = ScriptedLoader([
            ScriptedLoader.json(503, #"{"error":{"code":"x","message":"refresh_token=leaked1"}}"#),
            ScriptedLoader.json(400, #"{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}"#),
        ])
        let request = HTTPRequest.form(
            url: url, fields: [("client_id", "app"), ("client_secret", "TopSecret~1"), ("password", "hunter2")],
            headers: ["Authorization": "Bearer tok.en.value"])
        _ = try await transport(loader, SleepRecorder(), logs: logs).response(for: request)
        let text = logs.text
        #expect(text.contains("client_id=app"))
        #expect(text.contains("invalid_client"))
        for secret in ["TopSecret", "hunter2", "tok.en.value", "leaked1"] {
            #expect(!text.contains(secret), "\(secret) reached the log")
        }
    }

    @Test func retryAfterParsesSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.parseRetryAfter("2.128", now: now) == .seconds(2.128))
        #expect(RetryPolicy.parseRetryAfter(" 7 ", now: now) == .seconds(7))
        #expect(RetryPolicy.parseRetryAfter("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.parseRetryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.parseRetryAfter("-1", now: now) == nil)
    }

    @Test func backoffIsCapped() {
        let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(8), random: { 1 })
        #expect(policy.backoff(failures: 1) == .seconds(1))
        #expect(policy.backoff(failures: 4) == .seconds(8))
        #expect(policy.backoff(failures: 40) == .seconds(8))
    }
}
