import Foundation

/// A client-side budget of writes for one tenant (a token bucket), so that a bulk run stays
/// under the service's own write limit instead of running into 429s. Writers queue: each
/// takes a token, and waits for it when the bucket is empty.
public actor WriteBudget {
    public let capacity: Double
    public let refillPerSecond: Double
    private var tokens: Double
    private var last: Date
    private let now: @Sendable () -> Date
    private let sleep: HTTPTransport.Sleep

    /// The default stays under Graph's 3,000 writes per 2.5 minutes per app and tenant (20 a second).
    public init(
        capacity: Int = 100, refillPerSecond: Double = 18,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping HTTPTransport.Sleep = { try await Task.sleep(for: $0) }
    ) {
        self.capacity = Double(max(capacity, 1))
        self.refillPerSecond = max(refillPerSecond, 0.001)
        self.tokens = Double(max(capacity, 1))
        self.now = now
        self.sleep = sleep
        self.last = now()
    }

    /// Takes one write from the budget, waiting until the bucket has it.
    public func take() async throws(ServiceError) {
        let current = now()
        tokens = min(capacity, tokens + current.timeIntervalSince(last) * refillPerSecond)
        last = current
        tokens -= 1
        guard tokens < 0 else { return }
        do {
            try await sleep(.seconds(-tokens / refillPerSecond))
        } catch {
            tokens += 1
            throw ServiceError(kind: .unavailable, code: "cancelled", message: "Cancelled while waiting for the tenant's write budget")
        }
    }
}
