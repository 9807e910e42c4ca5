import Foundation

/// How many users one tenant's run works on at once, adapted to the service as it answers: it
/// starts from what the tenant's budget allows, grows while answers come fast and no limit is
/// near, and backs off on throttling (a 429, an answer that needed retries) and on answers much
/// slower than the fastest seen. It never goes above `ceiling` (`--concurrency`) nor below 1.
///
/// Growth is multiplicative until the first back-off (half as many more each time `limit`
/// answers came back well), then one more per `limit` good answers; a back-off halves the
/// limit (throttling) or takes one off (slow answers, a limit exceeded), and holds growth for
/// `cooldown` on the clock given; an answer that says a limit is near (80 %) holds growth too,
/// unless the share in use has been falling: the budget then refills faster than the run
/// spends it, and there is room for more (a run cut by the 429s of a budget planning spent
/// otherwise stays cut for as long as the budget takes to be 80 % full again: 8 s of 5,000
/// users' 20 s). The limit comes down once per `cooldown` at most: the answers of the users
/// already in flight when the service said "slow down" tell the same thing again, and cutting
/// for each of them would take a run of 32 users down to one at the first burst of 429s.
public actor AdaptiveConcurrency {
    /// What one answer tells about the service's load.
    public struct Signal: Sendable, Equatable {
        /// From sending to the answer, retries included.
        public var latency: Duration
        /// The service throttled the request (429), or it needed retries to get through.
        public var throttled: Bool
        /// The share of the service's limit in use, where the answer tells it (Graph's
        /// `x-ms-throttle-limit-percentage`, Auth0's `x-ratelimit-remaining` of its limit).
        public var limitUsed: Double?

        public init(latency: Duration, throttled: Bool = false, limitUsed: Double? = nil) {
            self.latency = latency
            self.throttled = throttled
            self.limitUsed = limitUsed
        }
    }

    /// The share of a limit from which growth stops.
    public static let nearLimit = 0.8
    /// The share of a limit past which the concurrency comes down by one (Graph's header goes
    /// up to 1.8). At the limit but not past it growth only stops: a client that paces itself by
    /// the budget (``WriteBudget``, Auth0's ``RequestPacer``) keeps it there on purpose.
    public static let atLimit = 1.0
    /// How much slower than the fastest answer an answer must be to count as slow: three
    /// times, and half a second more (a busy client's own jitter is not the service slowing).
    public static let slowFactor = 3.0
    /// How much later than the fastest a slow answer comes, at least.
    public static let slowMargin: Duration = .milliseconds(500)
    /// How far apart two near-limit answers are compared to tell whether the share in use is
    /// falling, and by how much it must have fallen.
    public static let trendWindow: TimeInterval = 0.5
    public static let trendDrop = 0.01

    public nonisolated let ceiling: Int
    public private(set) var limit: Int
    /// The highest `limit` has been.
    public private(set) var peak: Int
    public private(set) var inFlight = 0
    /// Users waiting for a place.
    public var waiting: Int { waiters.count }
    /// Answers recorded that held the limit back (throttled, slow or near the limit).
    public private(set) var backOffs = 0
    private var fastest: Duration?
    private var goodAnswers = 0
    private var hasBackedOff = false
    private var holdUntil: Date?
    /// Growth held by answers near a limit (apart from ``holdUntil``, a back-off's): lifted
    /// as soon as the share in use is seen falling.
    private var nearHoldUntil: Date?
    /// The near-limit answer the next is compared with, and what the last comparison told.
    private var nearMark: (used: Double, at: Date)?
    private var nearFalling = false
    /// When the limit last came down.
    private var cutAt: Date?
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private let cooldown: TimeInterval
    private let now: @Sendable () -> Date

    /// `initial`: where to start (clamped to 1...ceiling); `cooldown`: how long growth waits
    /// after a back-off; `now`: the clock (tests give a manual one).
    public init(ceiling: Int, initial: Int, cooldown: TimeInterval = 2, now: @escaping @Sendable () -> Date = { Date() }) {
        self.ceiling = max(1, ceiling)
        limit = min(max(1, initial), max(1, ceiling))
        peak = limit
        self.cooldown = cooldown
        self.now = now
    }

    /// The starting point for a tenant: as many users as the first burst of its write budget
    /// (`burst` writes at once) lets start at `writesPerUser` each, at least 2, within `ceiling`.
    /// Graph's budget (thousands of writes) starts at the ceiling; Auth0's (10) at a few.
    public static func initial(ceiling: Int, burst: Double, writesPerUser: Double = 2) -> Int {
        let users = burst / max(writesPerUser, 1)
        return min(max(1, ceiling), max(2, Int(users.rounded(.down))))
    }

    /// Waits until fewer than `limit` users are in flight, then counts one more.
    public func acquire() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// One user finished: its place goes to the next waiting, if the limit allows.
    public func release() {
        inFlight -= 1
        wake()
    }

    /// Adapts the limit to one answer.
    public func record(_ signal: Signal) {
        let current = now()
        if signal.throttled {
            backOff(to: limit / 2, at: current)
            return
        }
        if let used = signal.limitUsed, used >= Self.nearLimit {
            if used > Self.atLimit {
                backOff(to: limit - 1, at: current)
                return
            }
            if !isFalling(used, at: current) {
                // Near a limit: no growth for the cooldown, whatever other requests answer.
                goodAnswers = 0
                let until = current.addingTimeInterval(cooldown)
                nearHoldUntil = max(nearHoldUntil ?? until, until)
                return
            }
            nearHoldUntil = nil
        }
        if let fastest, signal.latency > fastest * Self.slowFactor, signal.latency - fastest > Self.slowMargin {
            backOff(to: limit - 1, at: current)
            return
        }
        fastest = min(fastest ?? signal.latency, signal.latency)
        if let holdUntil, current < holdUntil { return }
        if let nearHoldUntil, current < nearHoldUntil { return }
        goodAnswers += 1
        guard goodAnswers >= limit, limit < ceiling else { return }
        goodAnswers = 0
        limit = min(ceiling, hasBackedOff ? limit + 1 : limit + max(1, limit / 2))
        peak = max(peak, limit)
        wake()
    }

    /// Whether the share in use near a limit has fallen since the near-limit answer at least
    /// ``trendWindow`` before (the verdict holds until the next comparison).
    private func isFalling(_ used: Double, at current: Date) -> Bool {
        guard let mark = nearMark else {
            nearMark = (used, current)
            return false
        }
        if current.timeIntervalSince(mark.at) >= Self.trendWindow {
            nearFalling = used < mark.used - Self.trendDrop
            nearMark = (used, current)
        }
        return nearFalling
    }

    private func backOff(to target: Int, at current: Date) {
        backOffs += 1
        hasBackedOff = true
        goodAnswers = 0
        holdUntil = current.addingTimeInterval(cooldown)
        if let cutAt, current.timeIntervalSince(cutAt) < cooldown { return }
        cutAt = current
        limit = max(1, min(limit, target))
    }

    private func wake() {
        while inFlight < limit, !waiters.isEmpty {
            inFlight += 1
            waiters.removeFirst().resume()
        }
    }
}

extension AdaptiveConcurrency {
    /// Runs `work` for each of `items`, as many at a time as the limit allows. The work records
    /// what its answers tell (``record(_:)``).
    public nonisolated func forEach<Item: Sendable>(_ items: [Item], _ work: @escaping @Sendable (Item) async -> Void) async {
        await withTaskGroup(of: Void.self) { group in
            for item in items {
                await acquire()
                group.addTask {
                    await work(item)
                    await self.release()
                }
            }
        }
    }
}
