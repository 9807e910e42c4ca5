/// Where the bulk "reset all MFA" screen is: closed (the browser shows), choosing the policy,
/// reading the users' methods, showing the plan, asking for the phrase, running, the summary,
/// or the journal's job list.
public enum BulkPhase: String, Sendable, Hashable {
    case closed
    case policy
    case planning
    case plan
    case confirm
    case running
    case summary
    case jobs

    /// The phase's name in the screen's banner.
    public var title: String {
        switch self {
        case .closed: ""
        case .policy: "choose the policy"
        case .planning: "reading methods"
        case .plan: "plan (dry run)"
        case .confirm: "confirm"
        case .running: "running"
        case .summary: "summary"
        case .jobs: "jobs"
        }
    }
}

extension BulkPhase {
    /// The key scope of this phase (none while the screen is closed).
    public var keyScope: KeyScope? {
        switch self {
        case .closed: nil
        case .policy: .bulkPolicy
        case .planning: .bulkPlanning
        case .plan: .bulkPlan
        case .confirm: .bulkConfirm
        case .running: .bulkRunning
        case .summary: .bulkSummary
        case .jobs: .bulkJobs
        }
    }
}
