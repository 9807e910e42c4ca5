import AuthdeskCore
import Foundation
import Testing
@testable import AuthdeskServices

/// Graph JSON batching for reads: 20 a batch, inner 429s sent again on their own after their
/// Retry-After, answers mapped back to their requests and users, inner failures kept per user.
@Suite struct GraphProviderBatchTests {
    func provider(_ loader: BatchLoader, sleeper: SleepRecorder = SleepRecorder()) -> GraphProvider {
        GraphProvider(
            tenant: GraphProviderTests.tenant, endpoints: GraphProviderTests.endpoints, tokens: StaticTokenProvider("tok"),
            transport: HTTPTransport(loader: loader, sleep: sleeper.sleep, logger: LogCapture().logger()))
    }

    static func list(_ items: [String]) -> String { #"{"value":[\#(items.joined(separator: ","))]}"# }

    static func phone(_ user: String) -> String {
        ##"{"@odata.type":"#microsoft.graph.phoneAuthenticationMethod","id":"3179e48a-750b-4051-897c-87b9720928f7","phoneNumber":"+1 555\##(user)","phoneType":"mobile"}"##
    }

    /// The user a relative url is about (`/users/{user}/...`).
    static func user(_ url: String) -> String {
        url.split(separator: "/").dropFirst().first.map(String.init) ?? ""
    }

    @Test func requestsGoTwentyABatchAndEveryAnswerComesBackUnderItsId() async throws {
        let loader = BatchLoader { _, url, _ in .init(status: 200, body: #"{"url":"\#(url)"}"#) }
        let requests = (0..<45).map { GraphBatchRequest(id: "r\($0)", url: "/users/u\($0)") }
        let answers = try await provider(loader).batch(requests)
        #expect(loader.batches.map(\.urls.count).sorted() == [5, 20, 20])
        #expect(loader.batches.allSatisfy { $0.version == "v1.0" })
        #expect(answers.count == 45)
        for index in 0..<45 {
            let body = try #require(answers["r\(index)"]?.response.body)
            #expect(JSONValue.parse(body)?["url"]?.string == "/users/u\(index)")
        }
    }

    @Test func anInnerThrottledRequestIsSentAgainAloneAfterItsRetryAfter() async throws {
        let loader = BatchLoader { _, url, attempt in
            if url == "/users/u3", attempt == 1 {
                return .init(status: 429, body: #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#,
                             headers: ["Content-Type": "application/json", "Retry-After": "2.5"])
            }
            return .init(status: 200, body: #"{"url":"\#(url)","attempt":\#(attempt)}"#)
        }
        let sleeper = SleepRecorder()
        let requests = (0..<5).map { GraphBatchRequest(id: "r\($0)", url: "/users/u\($0)") }
        let answers = try await provider(loader, sleeper: sleeper).batch(requests)
        #expect(loader.batches.map(\.urls) == [(0..<5).map { "/users/u\($0)" }, ["/users/u3"]])
        #expect(sleeper.recorded == [.seconds(2.5)])
        #expect(answers["r3"]?.response.status == 200)
        #expect(answers["r3"].flatMap { JSONValue.parse($0.response.body)?["attempt"]?.int } == 2)
        #expect(answers.values.allSatisfy { $0.response.status == 200 })
    }

    @Test func anInnerRequestThrottledEveryTimeEndsWithItsLastAnswer() async throws {
        let loader = BatchLoader { _, url, _ in
            url == "/users/u1"
                ? .init(status: 429, body: #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#,
                        headers: ["Content-Type": "application/json", "Retry-After": "1"])
                : .init(status: 200, body: "{}")
        }
        let sleeper = SleepRecorder()
        let answers = try await provider(loader, sleeper: sleeper)
            .batch([GraphBatchRequest(id: "a", url: "/users/u0"), GraphBatchRequest(id: "b", url: "/users/u1")])
        // The first round answers u0 (progress); then u1 alone, round after round, until the
        // waits for its 429s reach the policy's bound: then its last answer stands.
        let bound = RetryPolicy().maxThrottledWait
        let waits = sleeper.recorded
        #expect(loader.batches.count == 1 + waits.count)
        #expect(waits.count > RetryPolicy().maxAttempts)
        #expect(waits.reduce(.zero, +) >= bound && waits.dropLast().reduce(.zero, +) < bound, "\(waits)")
        #expect(answers["b"]?.failure?.status == 429)
        #expect(answers["b"]?.failure?.kind == .throttled)
        #expect(answers["a"]?.failure == nil)
    }

    @Test func methodsAndPreferencesMapToTheirUsersAndAnInner404FailsThatUserOnly() async throws {
        let loader = BatchLoader { version, url, _ in
            let user = Self.user(url)
            if user == "ghost" {
                return .init(status: 404, body: #"{"error":{"code":"Request_ResourceNotFound","message":"Resource 'ghost' does not exist","innerError":{"request-id":"req-404"}}}"#)
            }
            switch (version, url.hasSuffix("/methods"), url.hasSuffix("/signInPreferences")) {
            case ("v1.0", true, _): return .init(status: 200, body: Self.list([Self.phone(user)]))
            case ("beta", _, true):
                let preferred = user == "u7" ? "voiceMobile" : "push"
                return .init(status: 200, body: #"{"userPreferredMethodForSecondaryAuthentication":"\#(preferred)","isSystemPreferredAuthenticationMethodEnabled":false}"#)
            default: return .init(status: 200, body: Self.list([]))  // no hardware tokens
            }
        }
        let users = (0..<19).map { "u\($0)" } + ["ghost"]
        let read = try await provider(loader).methodsAndPreferences(of: users)
        #expect(read.count == 20)
        #expect(loader.batches.filter { $0.version == "v1.0" }.map(\.urls.count) == [20])
        #expect(loader.batches.filter { $0.version == "beta" }.map(\.urls.count).sorted() == [20, 20])
        for user in users.dropLast() {
            let found = try #require(try? read[user]?.get())
            guard case .phone(let phone)? = found.methods.first else {
                Issue.record("no phone for \(user)")
                continue
            }
            #expect(phone.phoneNumber == "+1 555\(user)")
            #expect(found.preferences.userPreferredMethodForSecondaryAuthentication == (user == "u7" ? .voiceMobile : .push))
        }
        guard case .failure(let error)? = read["ghost"] else {
            Issue.record("the unknown user was read")
            return
        }
        #expect(error.status == 404)
        #expect(error.code == "Request_ResourceNotFound")
        #expect(error.requestID == "req-404")
    }

    @Test func aReadRefusedMoreTimesThanTheAttemptsIsReadOnceTheBudgetLetsIt() async throws {
        // A spent read budget shared with other readers: u1 is refused twelve times in a row,
        // each 429 asking for 4 ms (one unit's refill), before it is answered; it is not lost.
        let loader = BatchLoader { _, url, attempt in
            url == "/users/u1" && attempt <= 12
                ? .init(status: 429, body: #"{"error":{"code":"TooManyRequests","message":"budget spent"}}"#,
                        headers: ["Content-Type": "application/json", "Retry-After": "0.004"])
                : .init(status: 200, body: #"{"attempt":\#(attempt)}"#)
        }
        let sleeper = SleepRecorder()
        let answers = try await provider(loader, sleeper: sleeper)
            .batch([GraphBatchRequest(id: "a", url: "/users/u0"), GraphBatchRequest(id: "b", url: "/users/u1")])
        #expect(answers["b"]?.failure == nil)
        #expect(answers["b"].flatMap { JSONValue.parse($0.response.body)?["attempt"]?.int } == 13)
        #expect(sleeper.recorded.count == 12)
        #expect(sleeper.recorded.reduce(.zero, +) < RetryPolicy().maxThrottledWait)
    }

    @Test func aThrottledRequestKeepsItsTurnWhileOthersAreAnswered() async throws {
        // u0 is throttled on its first seven sends; each round answers one other request, so
        // the tries start again and u0 is answered in the end.
        let loader = BatchLoader { _, url, attempt in
            let index = Int(url.dropFirst("/users/u".count)) ?? 0
            let throttled = url == "/users/u0" ? attempt <= 7 : attempt <= index
            return throttled
                ? .init(status: 429, body: #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#,
                        headers: ["Content-Type": "application/json", "Retry-After": "0.1"])
                : .init(status: 200, body: "{}")
        }
        let requests = (0..<8).map { GraphBatchRequest(id: "r\($0)", url: "/users/u\($0)") }
        let answers = try await provider(loader).batch(requests)
        #expect(answers.values.allSatisfy { $0.response.status == 200 })
        #expect(loader.batches.count == 8)
    }

    @Test func aHardwareListThatIsThrottledFailsTheUserButOneBetaRefusesCountsAsNone() async throws {
        let loader = BatchLoader { _, url, _ in
            let user = Self.user(url)
            if url.hasSuffix("/hardwareOathMethods") {
                return user == "busy"
                    ? .init(status: 503, body: #"{"error":{"code":"serviceNotAvailable","message":"try later"}}"#)
                    : .init(status: 400, body: #"{"error":{"code":"BadRequest","message":"not on this version"}}"#)
            }
            if url.hasSuffix("/signInPreferences") {
                return .init(status: 200, body: #"{"userPreferredMethodForSecondaryAuthentication":"push"}"#)
            }
            return .init(status: 200, body: Self.list([Self.phone(user)]))
        }
        let read = try await provider(loader).methodsAndPreferences(of: ["busy", "calm"])
        #expect(try read["calm"]?.get().methods.count == 1)
        guard case .failure(let error)? = read["busy"] else {
            Issue.record("a user whose hardware tokens could not be read was planned")
            return
        }
        #expect(error.status == 503)
    }
}
