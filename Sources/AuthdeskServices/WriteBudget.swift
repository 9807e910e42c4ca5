import Foundation

/// A client-side budget of writes for one tenant (one token bucket per service limit), so that
/// a bulk run stays under the service's own write limits instead of running into 429s. Writers
/// queue: each takes a token from every bucket, and waits until all of them have it.
public actor WriteBudget {
    /// One of the service's limits: `capacity` writes at once (the burst), refilled at
    /// `refillPerSecond`.
    public struct Limit: Sendable, Hashable {
        public var capacity: Double
        public var refillPerSecond: Double

        public init(capacity: Double, refillPerSecond: Double) {
            self.capacity = max(capacity, 1)
            self.refillPerSecond = max(refillPerSecond, 0.001)
        }

        /// `writes` per `period`, as a bucket of that size refilled over the period, at `share` of it.
        public init(writes: Double, per period: Duration, share: Double = 1) {
            let seconds = max(period / .seconds(1), 0.001)
            self.init(capacity: writes * share, refillPerSecond: writes / seconds * share)
        }
    }

    /// The share of Graph's documented limits the client takes by default: a little under them,
    /// so writes that arrive bunched (latency varies) still find tokens at the service.
    public static let graphShare = 0.95

    /// Graph's documented write limits for authentication methods (API-FACTS, throttling):
    /// 3,000 writes per 2.5 minutes per app and tenant, and 18,000 per 5 minutes per tenant,
    /// each at ``graphShare``: a 1,000-user job (about 1,700 writes) fits in the first burst.
    public static let graphLimits: [Limit] = [
        Limit(writes: 3_000, per: .seconds(150), share: graphShare),
        Limit(writes: 18_000, per: .seconds(300), share: graphShare),
    ]

    /// Graph's limits for a tenant whose budget per app the operator states (a profile's
    /// `graph_write_budget`): `writes` per 2.5 minutes, and six times it per 5 minutes per
    /// tenant, as documented. A stated budget is known, not estimated, so it is kept at its full
    /// rate, its burst a hundredth short (at least one write) for answers that arrive bunched;
    /// a write the service still throttles is sent again after its wait (the bulk engine).
    public static func graphLimits(writesPer150Seconds writes: Int) -> [Limit] {
        [(Double(writes), 150.0), (Double(writes) * 6, 300.0)].map { writes, seconds in
            Limit(capacity: writes - max(1, (writes / 100).rounded(.down)), refillPerSecond: writes / seconds)
        }
    }

    public let limits: [Limit]
    private var tokens: [Double]
    private var last: Date
    private let now: @Sendable () -> Date
    private let sleep: HTTPTransport.Sleep

    /// The burst of the tightest limit.
    public var capacity: Double { limits.map(\.capacity).min() ?? 1 }
    /// The refill rate of the tightest limit.
    public var refillPerSecond: Double { limits.map(\.refillPerSecond).min() ?? 0.001 }

    /// A budget of several limits, all of which every write takes from (by default Graph's,
    /// ``graphLimits``).
    public init(
        limits: [Limit] = WriteBudget.graphLimits,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping HTTPTransport.Sleep = { try await Task.sleep(for: $0) }
    ) {
        self.limits = limits.isEmpty ? [Limit(capacity: 1, refillPerSecond: 1)] : limits
        self.tokens = self.limits.map(\.capacity)
        self.now = now
        self.sleep = sleep
        self.last = now()
    }

    /// A budget of one limit: `capacity` writes at once, refilled at `refillPerSecond`.
    public init(
        capacity: Int, refillPerSecond: Double,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping HTTPTransport.Sleep = { try await Task.sleep(for: $0) }
    ) {
        self.init(limits: [Limit(capacity: Double(capacity), refillPerSecond: refillPerSecond)], now: now, sleep: sleep)
    }

    /// Takes one write from the budget, waiting until every bucket has it.
    public func take() async throws(ServiceError) {
        let current = now()
        let elapsed = current.timeIntervalSince(last)
        last = current
        var wait = 0.0
        for index in limits.indices {
            let limit = limits[index]
            tokens[index] = min(limit.capacity, tokens[index] + elapsed * limit.refillPerSecond) - 1
            if tokens[index] < 0 { wait = max(wait, -tokens[index] / limit.refillPerSecond) }
        }
        guard wait > 0 else { return }
        do {
            try await sleep(.seconds(wait))
        } catch {
            for index in tokens.indices { tokens[index] += 1 }
            throw ServiceError(kind: .unavailable, code: "cancelled", message: "Cancelled while waiting for the tenant's write budget")
        }
    }
}
