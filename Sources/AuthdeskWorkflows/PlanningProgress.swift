/// How far planning a bulk reset got: users planned (their methods read) of the total, the rate
/// and the time left, measured on the caller's clock from the planner's reports. The console's
/// planning screen draws it, as ``BulkRunProgress`` is drawn while the job runs.
public struct PlanningProgress: Sendable, Hashable {
    public var done: Int
    public var total: Int
    /// When planning started, and the time of the latest report (the caller's clock).
    public var startedAt: Duration
    public var now: Duration

    /// Planning `total` users, started at `time`, none planned yet.
    public init(total: Int, at time: Duration) {
        done = 0
        self.total = total
        startedAt = time
        now = time
    }

    /// The planner reported `done` of `total` users planned at `time`.
    public mutating func update(done: Int, total: Int, at time: Duration) {
        self.done = done
        self.total = total
        now = max(time, startedAt)
    }

    /// Share planned, 0 to 1.
    public var fraction: Double {
        total > 0 ? min(1, Double(done) / Double(total)) : 1
    }

    public var elapsedSeconds: Double { (now - startedAt) / .seconds(1) }

    /// Users planned a second so far; nil before the first.
    public var usersPerSecond: Double? {
        done > 0 && elapsedSeconds > 0 ? Double(done) / elapsedSeconds : nil
    }

    /// Seconds left at the rate so far; nil while unknown, 0 when every user is planned.
    public var secondsLeft: Int? {
        guard done < total else { return 0 }
        return usersPerSecond.map { Int((Double(total - done) / $0).rounded(.up)) }
    }

    /// `1200/5000 users planned · 400 users/s · 0:10 left` (`time left: measuring` before the first report).
    public var text: String {
        var parts = ["\(done)/\(total) users planned"]
        parts.append(usersPerSecond.map { BulkRunProgress.format($0) + " users/s" } ?? "- users/s")
        parts.append(secondsLeft.map { ProgressLine.clock($0) + " left" } ?? "time left: measuring")
        return parts.joined(separator: " \u{00B7} ")
    }
}
