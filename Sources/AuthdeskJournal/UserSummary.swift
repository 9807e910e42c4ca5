/// One user of a job as a summary shows it: state, reason, steps and the methods kept.
public struct UserSummary: Sendable, Hashable, Codable {
    public var user: JobUserRecord
    /// In plan order.
    public var steps: [JobStepRecord]
    public var kept: [KeptMethodRecord]

    public init(user: JobUserRecord, steps: [JobStepRecord], kept: [KeptMethodRecord]) {
        self.user = user
        self.steps = steps
        self.kept = kept
    }

    public var stepsDone: Int { steps.filter { $0.state == .done }.count }
    public var stepsFailed: Int { steps.filter { $0.state == .failed }.count }
    /// Steps never sent, or sent without an answer.
    public var stepsUntouched: Int { steps.filter { $0.state == .pending || $0.state == .sent }.count }
    /// The failed steps, each with its status, service code and request id.
    public var failures: [JobStepRecord] { steps.filter { $0.state == .failed } }
}
