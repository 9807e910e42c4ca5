import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal

/// A running (or just ended) job: a row per user, the overall progress, the throughput and the
/// time left, measured on the caller's clock from the engine's events. The console's run screen
/// draws it; the command line's progress lines are written from it.
public struct BulkRunProgress: Sendable, Hashable {
    public var jobID: JobID
    /// Changed only through ``apply(_:at:)``, which keeps the counts below up to date.
    public private(set) var rows: [BulkRunRow]
    /// Each user's row, by tenant and id: an event finds its row without a walk over them all.
    private var positions: [TenantUserKey: Int] = [:]
    /// The counts, kept as rows change: a progress line drawn on every event of a 5,000-user
    /// run walked every row several times per event (quadratic; most of that run's CPU).
    private var tally = RowTally()
    /// When this run's engine started, and the time of the latest event (the view model's clock).
    public var startedAt: Duration
    public var now: Duration
    /// Steps answered in this run (a resumed job's earlier steps are not counted in the rate).
    public var stepsAnswered = 0
    public var isPaused = false
    /// `p` was pressed; the engine has not confirmed the pause yet.
    public var isPausing = false
    /// `c` was pressed: the steps in flight finish, nothing new starts.
    public var isCancelling = false
    /// The job's state once the run ended.
    public var ended: JobState?
    public var journalFailure: String?
    /// The waits for the service's limits going on now, by their number (``waitText``).
    public var waits: [Int: ServiceWait] = [:]

    public init(jobID: JobID, rows: [BulkRunRow], at time: Duration) {
        self.jobID = jobID
        self.rows = rows
        startedAt = time
        now = time
        for (index, row) in rows.enumerated() {
            let key = TenantUserKey(tenant: row.tenant, userID: row.userID)
            if positions[key] == nil { positions[key] = index }
            tally.add(row)
        }
    }

    public var totalSteps: Int { tally.steps }
    public var stepsDone: Int { tally.stepsDone }
    public var usersDone: Int { tally.done }
    public var usersFailed: Int { tally.failed }
    public var usersFinished: Int { tally.finished }
    /// Users with a step in flight or being verified.
    public var usersRunning: Int { tally.running }

    /// The row of `userID` in `tenant`.
    public func row(_ tenant: String, _ userID: String) -> BulkRunRow? {
        positions[TenantUserKey(tenant: tenant, userID: userID)].map { rows[$0] }
    }

    /// Share of the work done, 0 to 1: steps, and each user's verification as one more.
    public var fraction: Double {
        let total = totalSteps + rows.count
        guard total > 0 else { return 1 }
        return Double(stepsDone + usersFinished) / Double(total)
    }

    public var elapsedSeconds: Double {
        let elapsed = now - startedAt
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Steps answered per second in this run; nil before the first answer.
    public var stepsPerSecond: Double? {
        guard stepsAnswered > 0, elapsedSeconds > 0 else { return nil }
        return Double(stepsAnswered) / elapsedSeconds
    }

    /// Users finished per minute in this run; nil before the first.
    public var usersPerMinute: Double? {
        guard usersFinished > 0, elapsedSeconds > 0 else { return nil }
        return Double(usersFinished) * 60 / elapsedSeconds
    }

    /// Seconds left at the current step rate; nil when unknown, 0 when ended.
    public var secondsLeft: Int? {
        if ended != nil { return 0 }
        guard let rate = stepsPerSecond, rate > 0 else { return nil }
        return Int((Double(totalSteps - stepsDone) / rate).rounded(.up))
    }

    /// `12.5 steps/s · 40 users/min · 0:12 left`.
    public var rateText: String {
        var parts: [String] = []
        parts.append(stepsPerSecond.map { Self.format($0) + " steps/s" } ?? "- steps/s")
        if let perMinute = usersPerMinute { parts.append(Self.format(perMinute) + " users/min") }
        if let left = secondsLeft {
            parts.append(ended == nil ? "\(left / 60):" + String(format: "%02d", left % 60) + " left" : "ended")
        } else {
            parts.append("time left: measuring")
        }
        return parts.joined(separator: " \u{00B7} ")
    }

    static func format(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    /// Applies one engine event that happened at `time`.
    public mutating func apply(_ event: BulkResetEvent, at time: Duration) {
        now = time
        switch event {
        case .started:
            startedAt = time
            stepsAnswered = 0
        case .stepSent(let tenant, let userID, let step):
            update(tenant, userID) { $0.status = .running(step: step.planStep.description) }
        case .stepFinished(let tenant, let userID, let step):
            stepsAnswered += 1
            if step.state == .done { update(tenant, userID) { $0.stepsDone += 1 } }
        case .stepThrottled(let tenant, let userID, let step, _):
            update(tenant, userID) { $0.status = .running(step: "\(step.planStep.description): throttled, waiting") }
        case .verifying(let tenant, let userID):
            update(tenant, userID) { $0.status = .verifying }
        case .userFinished(let user):
            update(user.tenant, user.userID) { row in
                row.status = user.state == .done ? .done : .failed(reason: user.reason ?? "failed")
            }
        case .holding:
            break
        case .paused:
            isPaused = true
            isPausing = false
        case .resumed:
            isPaused = false
            isPausing = false
        case .journalFailed(let message):
            journalFailure = message
        case .finished(let state, _):
            ended = state
            waits = [:]
            isPaused = false
            isPausing = false
        }
    }

    private mutating func update(_ tenant: String, _ userID: String, _ change: (inout BulkRunRow) -> Void) {
        guard let index = positions[TenantUserKey(tenant: tenant, userID: userID)] else { return }
        tally.remove(rows[index])
        change(&rows[index])
        tally.add(rows[index])
    }
}
