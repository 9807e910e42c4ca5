/// How far a job got, in users and in steps: what `jobs list` and a summary's footer show.
public struct JobCounts: Sendable, Hashable, Codable {
    public var users = 0
    public var usersDone = 0
    public var usersFailed = 0
    /// Users still `waiting`: nothing was sent for them.
    public var usersUntouched = 0
    /// Users `running` or `verifying`.
    public var usersInProgress = 0
    public var steps = 0
    public var stepsDone = 0
    public var stepsFailed = 0
    /// Steps never sent.
    public var stepsPending = 0
    /// Steps sent without a journalled answer (to be sent again on resume).
    public var stepsSent = 0

    public init(users: [JobUserRecord], steps: [JobStepRecord]) {
        self.users = users.count
        for user in users {
            switch user.state {
            case .done: usersDone += 1
            case .failed: usersFailed += 1
            case .waiting: usersUntouched += 1
            case .running, .verifying: usersInProgress += 1
            }
        }
        self.steps = steps.count
        for step in steps {
            switch step.state {
            case .done: stepsDone += 1
            case .failed: stepsFailed += 1
            case .pending: stepsPending += 1
            case .sent: stepsSent += 1
            }
        }
    }
}
