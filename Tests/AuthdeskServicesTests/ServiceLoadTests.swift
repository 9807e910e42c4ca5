@testable import AuthdeskServices
import Foundation
import Testing

/// What an answer tells the adaptive concurrency about the service's load.
@Suite struct ServiceLoadTests {
    static func response(_ status: Int, _ headers: [String: String], attempts: Int = 1) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(), clientRequestID: "c", attempts: attempts)
    }

    @Test func graphSaysItsShareOnlyPastEightyPercent() {
        let near = ServiceLoad(Self.response(200, ["x-ms-throttle-limit-percentage": "0.85"]), latency: .milliseconds(80))
        #expect(near.limitUsed == 0.85)
        #expect(!near.throttled)
        #expect(ServiceLoad(Self.response(200, [:]), latency: .zero).limitUsed == nil)
    }

    @Test func auth0sRemainingOfItsLimitIsTheShareUsed() {
        let load = ServiceLoad(Self.response(200, ["x-ratelimit-limit": "50", "x-ratelimit-remaining": "10"]), latency: .zero)
        #expect(load.limitUsed == 0.8)
        let spent = ServiceLoad(Self.response(200, ["x-ratelimit-limit": "2", "x-ratelimit-remaining": "0"]), latency: .zero)
        #expect(spent.limitUsed == 1)
    }

    @Test func aThrottledAnswerOrOneThatGotThroughAfter429sCountsAsThrottled() {
        #expect(ServiceLoad(Self.response(429, [:]), latency: .zero).throttled)
        var after429 = Self.response(200, [:], attempts: 2)
        after429.throttledAttempts = 1
        #expect(ServiceLoad(after429, latency: .zero).throttled)
        #expect(!ServiceLoad(Self.response(200, [:], attempts: 2), latency: .zero).throttled,
                "a retry after a 503 or a dropped connection says nothing of the budget")
    }
}
