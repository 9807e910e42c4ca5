import AuthdeskBulkReset
import AuthdeskJournal
import Foundation

/// The live progress lines of a running job: one per step answered and per user finished, each
/// with the users done / failed / running, the steps done and the throughput, from the same
/// ``BulkRunProgress`` the console's run screen draws.
public struct ResetProgressLog {
    let write: (String) -> Void
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var progress: BulkRunProgress

    /// `run`'s users, as the journal had them when it began; `write`: where each line goes.
    public init(_ run: ResetRun, write: @escaping (String) -> Void) {
        self.init(jobID: run.jobID, before: run.before, write: write)
    }

    /// Job `jobID`'s lines, its users as `before` had them.
    init(jobID: JobID, before: JobSummary, write: @escaping (String) -> Void) {
        self.write = write
        start = clock.now
        progress = BulkRunProgress(jobID: jobID, rows: before.users.map(BulkRunRow.init), at: .zero)
    }

    public mutating func show(_ event: BulkResetEvent) {
        progress.apply(event, at: clock.now - start)
        switch event {
        case .started(let job, let users, let steps):
            say("job \(job): \(users) user\(users == 1 ? "" : "s"), \(steps) step\(steps == 1 ? "" : "s") to do")
        case .stepFinished(let tenant, let userID, let step):
            let outcome = step.state == .done ? "done" : "failed: \(JobSummary.describe(step))"
            say("\(tenant) \(name(tenant, userID)): \(step.planStep.description): \(outcome)")
        case .stepThrottled(let tenant, let userID, let step, let wait):
            let seconds = String(format: "%.1f", wait / .seconds(1))
            say("\(tenant) \(name(tenant, userID)): \(step.planStep.description): throttled (429), sent again in \(seconds) s")
        case .verifying(let tenant, let userID):
            say("\(tenant) \(name(tenant, userID)): verifying")
        case .userFinished(let user):
            let reason = user.reason.map { ": \($0)" } ?? ""
            say("\(user.tenant) \(user.displayName): \(user.state.rawValue)\(reason)")
        case .stepSent, .holding, .resumed:
            break
        case .paused:
            say("paused")
        case .journalFailed(let message):
            say("journal failed, stopping: \(message)")
        case .finished(let state, _):
            say("job \(state.rawValue)")
        }
    }

    /// A wait for a tenant's limits began or ended: no line, but the progress says it.
    public mutating func show(_ wait: ServiceWait.Event) {
        progress.apply(wait, at: clock.now - start)
    }

    func name(_ tenant: String, _ userID: String) -> String {
        progress.row(tenant, userID)?.displayName ?? userID
    }

    func say(_ text: String) {
        let rate = String(format: "%.1f", Double(progress.stepsAnswered) / max(progress.elapsedSeconds, 0.001))
        let status = "[users \(progress.usersDone) done, \(progress.usersFailed) failed, \(progress.usersRunning) running of "
            + "\(progress.rows.count); steps \(progress.stepsDone)/\(progress.totalSteps), \(rate)/s]"
        write("\(status) \(text)")
    }
}
