import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskServices

/// The exact requests a reset job would send, before it is confirmed: the bulk plan's "show
/// this user's requests" (console) and `reset-mfa --dry-run --show-requests`.
extension ResetMfaWorkflow {
    /// The requests `user`'s plan would send, in order (method, URL, body with secrets masked):
    /// each step runs through the tenant's real provider code, as the job would run it, with its
    /// writes recorded instead of sent (``RecordingLoader``). Nothing is sent, nothing journalled.
    /// A user the pre-flight refuses gets none: the job leaves them out.
    public func requests(for user: UserResetPlan) async throws(ServiceError) -> [PlannedRequest] {
        guard !user.plan.isRefused else { return [] }
        let remover = try await tenants.remover(user.tenant)
        let recorder = DryRunRecorder()
        await DryRunRecorder.$current.withValue(recorder) {
            for step in user.plan.steps {
                _ = await remover.perform(step, of: user.userID)
            }
        }
        return recorder.all
    }

    /// The requests of every user of `plan`, by ``UserResetPlan/id``.
    public func requests(for plan: ResetJobPlan) async throws(ServiceError) -> [String: [PlannedRequest]] {
        var all: [String: [PlannedRequest]] = [:]
        for user in plan.users {
            all[user.id] = try await requests(for: user)
        }
        return all
    }

    /// The tenants of this workflow whose profile requires caller verification: a job with a
    /// user there asks how the callers were verified.
    public var verifyingTenants: Set<String> { tenants.verifying }
}
