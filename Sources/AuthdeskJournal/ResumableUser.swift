/// One user of a job with the steps still to do, for a run or a resume: steps left `pending`,
/// and those left `sent` by a crash (their outcome is unknown, so they are sent again).
public struct ResumableUser: Sendable, Hashable {
    public var user: JobUserRecord
    /// In plan order.
    public var steps: [JobStepRecord]

    public init(user: JobUserRecord, steps: [JobStepRecord]) {
        self.user = user
        self.steps = steps
    }

    /// Steps whose request went out without a journalled answer.
    public var unknownOutcome: [JobStepRecord] { steps.filter { $0.state == .sent } }
}
