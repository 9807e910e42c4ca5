/// Where a job is in its life: planned (or, in team mode, awaiting a second operator's approval
/// first), then running (perhaps paused), then finished or cancelled.
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    case planned
    case running
    case paused
    case cancelled
    case finished
    /// Four eyes: a bulk job at or above the team's approval threshold waits here, and nothing
    /// is sent, until another operator approves it (then it is `planned`) or it is cancelled.
    case awaitingApproval = "awaiting-approval"

    /// The states a job may be created in.
    public static let initial: Set<JobState> = [.planned, .awaitingApproval]

    /// Whether the job can no longer change.
    public var isFinal: Bool { self == .cancelled || self == .finished }

    /// Whether a job in this state may move to `next`. `running` to `running` is a resume after
    /// a crash (the journal still says running); `paused` to `finished` is a pause asked for while
    /// the last steps were in flight. A job awaiting approval never runs from there: the approval
    /// (the only caller of that move) makes it `planned`. A job held for approval is created
    /// awaiting it (``initial``), so no other process can run it between two writes.
    public func canMove(to next: JobState) -> Bool {
        switch (self, next) {
        case (.planned, .running), (.planned, .cancelled), (.planned, .awaitingApproval): true
        case (.awaitingApproval, .planned), (.awaitingApproval, .cancelled): true
        case (.running, .running), (.running, .paused), (.running, .cancelled), (.running, .finished): true
        case (.paused, .running), (.paused, .cancelled), (.paused, .finished): true
        default: false
        }
    }
}
