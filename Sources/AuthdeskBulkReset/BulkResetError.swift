import AuthdeskJournal

/// Why a job cannot be run, said before anything is sent.
public enum BulkResetError: Error, Sendable, Hashable, CustomStringConvertible {
    case journal(JournalError)
    case jobIsFinal(JobID, JobState)
    /// Four eyes: the job waits for another operator's approval; nothing is sent until then.
    case awaitingApproval(JobID)
    case noConnection(tenants: [String])
    case invalidLimit(Int)
    case alreadyStarted
    case invalidWrites(String)

    public var description: String {
        switch self {
        case .journal(let error): error.description
        case .jobIsFinal(let id, let state): "job \(id) is \(state.rawValue); only a planned, running or paused job can run"
        case .awaitingApproval(let id):
            "job \(id) awaits approval by another operator ('authdesk jobs approve \(id)'); nothing was sent"
        case .noConnection(let tenants):
            "no connection to tenant\(tenants.count == 1 ? "" : "s") \(tenants.joined(separator: ", ")); sign in to each tenant of the job first"
        case .alreadyStarted: "this engine has already run a job; make a new engine to run or resume another"
        case .invalidLimit(let limit):
            "concurrency \(limit) is out of range; use 1 to \(BulkResetEngine.maxConcurrency) at a time per tenant"
        case .invalidWrites(let raw):
            "AUTHDESK_RESET_WRITES=\(raw) is not valid; use \(ResetWrites.allCases.map(\.rawValue).joined(separator: " or "))"
        }
    }
}
