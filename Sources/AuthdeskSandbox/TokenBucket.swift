import Foundation

/// A token bucket: `capacity` units refilled evenly over `period`; a request takes one unit or
/// learns how long to wait (Graph's write budget, Auth0's rate limit).
struct TokenBucket: Sendable {
    var capacity: Double
    var period: TimeInterval
    var available: Double
    var updatedAt: Date

    init(capacity: Double, period: TimeInterval, now: Date) {
        self.capacity = capacity
        self.period = period
        self.available = capacity
        self.updatedAt = now
    }

    private mutating func refill(_ now: Date) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt))
        available = min(capacity, available + elapsed * capacity / period)
        updatedAt = now
    }

    /// Takes `cost` units; nil when granted, else the seconds until it would be.
    mutating func take(_ cost: Double = 1, now: Date) -> TimeInterval? {
        refill(now)
        if available >= cost {
            available -= cost
            return nil
        }
        return (cost - available) * period / capacity
    }

    /// Units left (rounded down), after refilling.
    mutating func remaining(now: Date) -> Int {
        refill(now)
        return Int(available)
    }

    /// When the bucket will be full again.
    func fullAt() -> Date {
        updatedAt.addingTimeInterval((capacity - available) * period / capacity)
    }
}
