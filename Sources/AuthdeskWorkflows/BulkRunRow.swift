import AuthdeskJournal

/// One user's line on the run screen: who, how many of its steps are done, and where it is.
public struct BulkRunRow: Sendable, Hashable {
    /// Where the user is in the run.
    public enum Status: Sendable, Hashable {
        case waiting
        /// Sending a step: its description ("Delete Mobile phone").
        case running(step: String)
        case verifying
        case done
        /// With the reason: the step, its HTTP status, error code and request id.
        case failed(reason: String)
    }

    public var tenant: String
    public var userID: String
    public var displayName: String
    public var steps: Int
    public var stepsDone: Int
    public var status: Status

    public init(tenant: String, userID: String, displayName: String, steps: Int, stepsDone: Int, status: Status) {
        self.tenant = tenant
        self.userID = userID
        self.displayName = displayName
        self.steps = steps
        self.stepsDone = stepsDone
        self.status = status
    }

    /// The row of a journalled user, as the journal has it now.
    public init(_ summary: UserSummary) {
        let status: Status = switch summary.user.state {
        case .waiting: .waiting
        case .running: .running(step: "")
        case .verifying: .verifying
        case .done: .done
        case .failed: .failed(reason: summary.user.reason ?? summary.failures.first.map(JobSummary.describe) ?? "failed")
        }
        self.init(
            tenant: summary.user.tenant, userID: summary.user.userID, displayName: summary.user.displayName,
            steps: summary.steps.count, stepsDone: summary.stepsDone, status: status)
    }

    /// `waiting`, `running: Delete Mobile phone`, `done`, `failed: ...`.
    public var statusText: String {
        switch status {
        case .waiting: "waiting"
        case .running(let step): step.isEmpty ? "running" : "running: \(step)"
        case .verifying: "verifying"
        case .done: "done"
        case .failed(let reason): "failed: \(reason)"
        }
    }

    public var isFinished: Bool {
        switch status {
        case .done, .failed: true
        default: false
        }
    }
}
