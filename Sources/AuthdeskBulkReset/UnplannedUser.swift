/// A user the planner could not plan (its methods or default method could not be read), and why.
public struct UnplannedUser: Sendable, Hashable {
    public var target: ResetTarget
    public var failure: ServiceFailure

    public init(target: ResetTarget, failure: ServiceFailure) {
        self.target = target
        self.failure = failure
    }
}
