/// The counts a job's confirmation dialog and dry run show.
public struct ResetJobTotals: Sendable, Hashable {
    public var users: Int
    /// Users with at least one step (users marked refused not counted).
    public var usersWithSteps: Int
    /// Users the pre-flight marked "will be refused": skipped by the run.
    public var refused: Int
    /// Every request the run will send, `makeDefault` steps included (none for refused users).
    public var steps: Int
    public var stepsByAction: [StepAction: Int]
    public var stepsByKind: [MethodKind: Int]
    public var kept: Int
    /// Kept methods of an unknown type, to review by hand.
    public var flagged: Int

    public init(users: [UserResetPlan]) {
        self.users = users.count
        let runnable = users.filter { !$0.plan.isRefused }
        usersWithSteps = runnable.filter { !$0.plan.steps.isEmpty }.count
        refused = users.count - runnable.count
        let allSteps = runnable.flatMap(\.plan.steps)
        steps = allSteps.count
        stepsByAction = Dictionary(grouping: allSteps, by: \.action).mapValues(\.count)
        stepsByKind = Dictionary(grouping: allSteps, by: \.kind).mapValues(\.count)
        kept = users.reduce(0) { $0 + $1.plan.kept.count }
        flagged = users.reduce(0) { $0 + $1.plan.flagged.count }
    }
}
