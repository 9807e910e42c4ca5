import Foundation

/// Paces the requests to a service that states its rate limit on every answer (Auth0:
/// `x-ratelimit-limit` requests a second in a bucket of that size, `x-ratelimit-remaining`
/// left), so that a bulk run stays within it instead of meeting a storm of 429s: each request
/// takes a token of a bucket the client keeps in step with the service's, waiting for one when
/// none is left. Until an answer tells the limit (and for services that never do, as Graph),
/// nothing waits.
public actor RequestPacer {
    private var rate: Double?
    private var tokens = 0.0
    private var updatedAt: Date?

    public init() {}

    /// Takes a token at `now`; the time to wait before sending, or nil to send at once.
    public func reserve(at now: Date) -> Duration? {
        guard let rate else { return nil }
        refill(now, rate: rate)
        tokens -= 1
        return tokens < 0 ? .seconds(-tokens / rate) : nil
    }

    /// Learns the limit and what is left from an answer received at `now`: the bucket is
    /// `limit` tokens refilled at `limit` a second, holding no more than the service says remain.
    public func learn(limit: Double?, remaining: Double?, at now: Date) {
        guard let limit, limit > 0 else { return }
        if rate == nil {
            tokens = remaining ?? limit
            updatedAt = now
        } else {
            refill(now, rate: limit)
            if let remaining { tokens = min(tokens, remaining) }
        }
        rate = limit
    }

    /// The answer's `x-ratelimit-limit` and `x-ratelimit-remaining`, learned.
    public func learn(_ response: HTTPResponse, at now: Date) {
        learn(limit: response.header("x-ratelimit-limit").flatMap(Double.init),
              remaining: response.header("x-ratelimit-remaining").flatMap(Double.init), at: now)
    }

    private func refill(_ now: Date, rate: Double) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt ?? now))
        tokens = min(rate, tokens + elapsed * rate)
        updatedAt = now
    }
}
