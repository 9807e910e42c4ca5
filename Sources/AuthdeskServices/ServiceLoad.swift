import Foundation

/// What one answer tells about the service's load: how long it took (retries included), how
/// many attempts it needed, and the share of the service's limit in use where the answer says
/// (Graph's `x-ms-throttle-limit-percentage`, Auth0's `x-ratelimit-remaining` of
/// `x-ratelimit-limit`). Every provider request reports one to its provider's
/// ``LoadObservers``: how a bulk run adapts its concurrency without the providers knowing about it.
public struct ServiceLoad: Sendable, Equatable {
    public var latency: Duration
    public var attempts: Int
    public var status: Int
    public var limitUsed: Double?
    /// Attempts the service throttled (429) before this answer.
    public var throttledAttempts: Int

    public init(latency: Duration, attempts: Int, status: Int, limitUsed: Double?, throttledAttempts: Int = 0) {
        self.latency = latency
        self.attempts = attempts
        self.status = status
        self.limitUsed = limitUsed
        self.throttledAttempts = throttledAttempts
    }

    /// The answer was throttled (429), or got through only after 429s. Retries after a 503 or
    /// a dropped connection are not throttling: they say nothing of the tenant's budget.
    public var throttled: Bool { status == 429 || throttledAttempts > 0 }

    /// The load `response` tells, `latency` after its request was first sent.
    public init(_ response: HTTPResponse, latency: Duration) {
        self.init(
            latency: latency, attempts: response.attempts, status: response.status, limitUsed: Self.limitUsed(response),
            throttledAttempts: response.throttledAttempts)
    }

    /// The share of the limit in use: Graph sends `x-ms-throttle-limit-percentage` (0.8 to 1.8)
    /// only past 80 %; Auth0 sends its bucket's remaining and size with every answer.
    static func limitUsed(_ response: HTTPResponse) -> Double? {
        if let percentage = response.header("x-ms-throttle-limit-percentage").flatMap(Double.init) { return percentage }
        guard let limit = response.header("x-ratelimit-limit").flatMap(Double.init), limit > 0,
              let remaining = response.header("x-ratelimit-remaining").flatMap(Double.init) else { return nil }
        return max(0, 1 - remaining / limit)
    }
}
