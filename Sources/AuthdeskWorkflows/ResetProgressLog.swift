import AuthdeskBulkReset
import AuthdeskJournal
import Foundation

/// The live progress lines of a running job: one per step answered and per user finished, each
/// with the users done / failed / running, the steps done, and the throughput.
public struct ResetProgressLog {
    let names: [String: String]
    let write: (String) -> Void
    var started = Date()
    var totalSteps = 0
    var totalUsers = 0
    var stepsAnswered = 0
    var usersDone = 0
    var usersFailed = 0
    var running: Set<String> = []

    /// `run`'s users by their display names; `write`: where each line goes.
    public init(_ run: ResetRun, write: @escaping (String) -> Void) {
        names = Dictionary(run.before.users.map { ("\($0.user.tenant)/\($0.user.userID)", $0.user.displayName) }) { first, _ in first }
        self.write = write
    }

    public mutating func show(_ event: BulkResetEvent) {
        switch event {
        case .started(let job, let users, let steps):
            started = Date()
            totalSteps = steps
            totalUsers = users
            say("job \(job): \(users) user\(users == 1 ? "" : "s"), \(steps) step\(steps == 1 ? "" : "s") to do")
        case .stepSent(let tenant, let userID, _):
            running.insert("\(tenant)/\(userID)")
        case .stepFinished(let tenant, let userID, let step):
            stepsAnswered += 1
            let outcome = step.state == .done ? "done" : "failed: \(JobSummary.describe(step))"
            say("\(tenant) \(name(tenant, userID)): \(step.planStep.description): \(outcome)")
        case .verifying(let tenant, let userID):
            say("\(tenant) \(name(tenant, userID)): verifying")
        case .userFinished(let user):
            running.remove("\(user.tenant)/\(user.userID)")
            if user.state == .done { usersDone += 1 } else { usersFailed += 1 }
            let reason = user.reason.map { ": \($0)" } ?? ""
            say("\(user.tenant) \(user.displayName): \(user.state.rawValue)\(reason)")
        case .holding, .resumed:
            break
        case .paused:
            say("paused")
        case .journalFailed(let message):
            say("journal failed, stopping: \(message)")
        case .finished(let state, _):
            say("job \(state.rawValue)")
        }
    }

    func name(_ tenant: String, _ userID: String) -> String { names["\(tenant)/\(userID)"] ?? userID }

    func say(_ text: String) {
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let rate = String(format: "%.1f", Double(stepsAnswered) / seconds)
        let status = "[users \(usersDone) done, \(usersFailed) failed, \(running.count) running of \(totalUsers); "
            + "steps \(stepsAnswered)/\(totalSteps), \(rate)/s]"
        write("\(status) \(text)")
    }
}
