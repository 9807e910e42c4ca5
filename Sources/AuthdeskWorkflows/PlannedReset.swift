import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal

/// A reset planned for users given by reference (the command line's): who was found, the plan
/// with the pre-flight's marks, and the users that could not be read.
public struct PlannedReset: Sendable {
    public var resolved: ResolvedUsers
    public var result: BulkResetPlanner.Result
    /// Users not found, and users whose methods could not be read, by principal name.
    public var unreadable: [UnreadableUser]

    /// The plan as the operator reviews it.
    public var report: PlanReport {
        PlanReport(plan: result.plan, unreadable: unreadable, principalNames: resolved.principalNames)
    }
}

extension ResetMfaWorkflow {
    /// The workflow over `workspace`'s tenants and its journal (the team's in team mode, else the
    /// state directory's; or `journal`, one already open), with the team's approval threshold.
    public init(workspace: Workspace, perTenantLimit: Int, journal: (any JournalStorage)? = nil) {
        self.init(
            tenants: ResetTenants(directory: workspace), journal: { try journal ?? workspace.journal() },
            perTenantLimit: perTenantLimit, approvalThreshold: workspace.team.approvalThreshold)
    }

    /// Finds `references` in `workspace` (users without a prefix in its default tenant) and plans
    /// `policy` for them. A tenant prefix that names no profile, or a failed sign-in, stops here;
    /// nothing is sent. `progress` hears how many users were read, of how many found.
    public func plan(
        _ references: [UserReference], policy: ResetPolicy, in workspace: Workspace,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws -> PlannedReset {
        try workspace.requireProfiles(references.compactMap(\.tenant))
        progress(0, references.count)
        let resolved = try await ResolvedUsers.resolve(references, defaultTenant: workspace.defaultTenant, in: workspace)
        let result = try await plan(resolved.targets, policy: policy, progress: progress)
        return PlannedReset(resolved: resolved, result: result, unreadable: resolved.unreadable(adding: result.unplanned))
    }

    /// Journals a job for `planned`'s runnable users, named by principal name, as the operator
    /// signed in to its first tenant.
    public func createJob(
        _ planned: PlannedReset, runnable: ResetJobPlan, in workspace: Workspace, ticket: String?,
        verification: CallerVerification? = nil
    ) async throws -> JobID {
        let name = await workspace.operatorName(in: runnable.tenants.first ?? workspace.defaultTenant)
        return try await createJob(
            planned.resolved.naming(runnable), operatorName: name, ticket: ticket, verification: verification).id
    }
}
