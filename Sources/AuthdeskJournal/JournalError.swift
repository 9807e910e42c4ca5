/// A journal failure: an unknown job, user or step, a move its state does not allow, bad input,
/// or the database itself (with its path and SQLite's message).
public enum JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    case noSuchJob(JobID)
    case noSuchUser(Int64)
    case noSuchStep(Int64)
    case invalidTransition(what: String, from: String, to: String)
    case invalidInput(field: String, message: String)
    case storage(String)

    public var description: String {
        switch self {
        case .noSuchJob(let id): "no job \(id) in the journal; `authdesk jobs list` shows the jobs"
        case .noSuchUser(let id): "no job user \(id) in the journal"
        case .noSuchStep(let id): "no step \(id) in the journal"
        case .invalidTransition(let what, let from, let to): "\(what) cannot go from \(from) to \(to)"
        case .invalidInput(let field, let message): "\(field): \(message)"
        case .storage(let message): "journal: \(message)"
        }
    }
}
