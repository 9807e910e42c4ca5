/// A whole "reset all MFA" job's plan: many users, in one tenant or several, under one policy.
public struct ResetJobPlan: Sendable, Hashable, Codable {
    public var policy: ResetPolicy
    /// The users in the order they were given.
    public var users: [UserResetPlan]

    /// Checks that every user's plan is for `policy` and that no user is in the job twice.
    public init(policy: ResetPolicy, users: [UserResetPlan]) throws(ValidationError) {
        var seen: Set<String> = []
        for user in users {
            guard user.plan.policy == policy else {
                throw ValidationError(
                    field: "users",
                    message: "\(user.displayName) (\(user.id)) was planned with policy \(user.plan.policy.rawValue); "
                        + "every user of a \(policy.rawValue) job must be planned with \(policy.rawValue)")
            }
            guard seen.insert(user.id).inserted else {
                throw ValidationError(
                    field: "users",
                    message: "\(user.displayName) (\(user.id)) is in the job twice; list each user once")
            }
        }
        self.policy = policy
        self.users = users
    }

    /// The tenants, in the order their first user appears.
    public var tenants: [String] {
        var seen: Set<String> = []
        return users.map(\.tenant).filter { seen.insert($0).inserted }
    }

    /// The users the run works on: those the pre-flight did not mark refused.
    public var runnable: [UserResetPlan] { users.filter { !$0.plan.isRefused } }

    /// The users the pre-flight marked refused: the run skips them and sends nothing for them.
    public var refused: [UserResetPlan] { users.filter(\.plan.isRefused) }

    public var totals: ResetJobTotals { ResetJobTotals(users: users) }

    /// What the operator types to confirm the run: `RESET <number of users>`.
    public var confirmationPhrase: String { "RESET \(users.count)" }
}
