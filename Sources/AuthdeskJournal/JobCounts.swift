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
        for user in users { add(user: user.state.rawValue, count: 1) }
        for step in steps { add(step: step.state.rawValue, count: 1) }
    }
}

extension JobCounts {
    /// Counts `count` more users in state `state` (its raw value, as a store's query groups them).
    public mutating func add(user state: String, count: Int) {
        users += count
        switch UserState(rawValue: state) {
        case .done: usersDone += count
        case .failed: usersFailed += count
        case .waiting: usersUntouched += count
        case .running, .verifying, nil: usersInProgress += count
        }
    }

    /// Counts `count` more steps in state `state` (its raw value).
    public mutating func add(step state: String, count: Int) {
        steps += count
        switch StepState(rawValue: state) {
        case .done: stepsDone += count
        case .failed: stepsFailed += count
        case .pending: stepsPending += count
        case .sent, nil: stepsSent += count
        }
    }
}
