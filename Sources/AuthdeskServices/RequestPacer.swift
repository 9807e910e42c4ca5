import Foundation

/// Paces the requests to a service that states its rate limit on every answer (Auth0:
/// `x-ratelimit-limit` requests a second in a bucket of that size, `x-ratelimit-remaining`
/// left), so that a bulk run stays within it instead of meeting a storm of 429s: each attempt,
/// a retry's included, takes a token of a bucket the client keeps in step with the service's,
/// waiting for one when none is left. A pacer that `probes` sends one request alone until the
/// first answer tells the limit (a run's first burst would otherwise be refused all but the
/// bucket); one that does not, and a service whose answers never state a limit (Graph), never waits.
public actor RequestPacer {
    private var rate: Double?
    private var tokens = 0.0
    private var updatedAt: Date?
    /// No answer yet, and the first one is awaited before anything else is sent.
    private var probing: Bool
    private var probeInFlight = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Callers waiting for the probe's answer.
    var queued: Int { waiters.count }

    /// `probes`: the service states its limit, so the first request goes alone (Auth0).
    public init(probes: Bool = false) {
        probing = probes
    }

    /// Before a request is sent: while probing, the first caller goes at once and the others
    /// wait for its answer (``learn(limit:remaining:at:)``) or its failure to get one
    /// (``unanswered()``). Then take a token with ``reserve(at:)``.
    public func admit() async {
        while probing, probeInFlight {
            await withCheckedContinuation { waiters.append($0) }
        }
        if probing { probeInFlight = true }
    }

    /// The request admitted got no answer: another caller probes in its place.
    public func unanswered() {
        guard probing else { return }
        probeInFlight = false
        wakeWaiters()
    }

    /// Takes a token at `now`; the time to wait before sending, or nil to send at once.
    public func reserve(at now: Date) -> Duration? {
        guard let rate else { return nil }
        refill(now, rate: rate)
        tokens -= 1
        return tokens < 0 ? .seconds(-tokens / rate) : nil
    }

    /// Learns the limit and what is left from an answer received at `now`: the bucket is
    /// `limit` tokens refilled at `limit` a second, holding no more than the service says remain.
    /// Any answer ends the probe.
    public func learn(limit: Double?, remaining: Double?, at now: Date) {
        defer {
            if probing {
                probing = false
                probeInFlight = false
                wakeWaiters()
            }
        }
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

    private func wakeWaiters() {
        let woken = waiters
        waiters = []
        for waiter in woken { waiter.resume() }
    }

    private func refill(_ now: Date, rate: Double) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt ?? now))
        tokens = min(rate, tokens + elapsed * rate)
        updatedAt = now
    }
}
