import AuthdeskBulkReset
import AuthdeskJournal
import AuthdeskOutput

/// `--output jsonl` of a running job: each user's result row (as ``ResetOutcome/render(_:leavingOut:)``
/// writes it) as one JSON line the moment the user ends, from the engine's events; the users
/// written are remembered, so that the final results leave them out.
public struct ResetResultLines: Sendable {
    private let jobID: JobID
    private var users: [String: UserSummary] = [:]
    /// `tenant/userID` of every user written so far.
    public private(set) var written: Set<String> = []

    /// `run`'s users, as the journal had them when it began.
    public init(_ run: ResetRun) {
        jobID = run.jobID
        for entry in run.before.users { users["\(entry.user.tenant)/\(entry.user.userID)"] = entry }
    }

    /// The JSON line for `event` when it ends a user, else nil.
    public mutating func line(for event: BulkResetEvent) -> String? {
        switch event {
        case .stepFinished(let tenant, let userID, let step):
            let key = "\(tenant)/\(userID)"
            if let index = users[key]?.steps.firstIndex(where: { $0.id == step.id }) { users[key]?.steps[index] = step }
            return nil
        case .userFinished(let user):
            let key = "\(user.tenant)/\(user.userID)"
            guard var entry = users[key] else { return nil }
            entry.user = user
            users[key] = entry
            written.insert(key)
            var report = ResetOutcome.report()
            report.append(ResetOutcome.row(entry, job: jobID))
            return report.render(.jsonl)
        default:
            return nil
        }
    }
}
