/// Where a job is in its life: planned, then running (perhaps paused), then finished or cancelled.
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    case planned
    case running
    case paused
    case cancelled
    case finished

    /// Whether the job can no longer change.
    public var isFinal: Bool { self == .cancelled || self == .finished }

    /// Whether a job in this state may move to `next`. `running` to `running` is a resume after
    /// a crash (the journal still says running); `paused` to `finished` is a pause asked for while
    /// the last steps were in flight.
    public func canMove(to next: JobState) -> Bool {
        switch (self, next) {
        case (.planned, .running), (.planned, .cancelled): true
        case (.running, .running), (.running, .paused), (.running, .cancelled), (.running, .finished): true
        case (.paused, .running), (.paused, .cancelled), (.paused, .finished): true
        default: false
        }
    }
}
