import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation
import Synchronization

/// "Reset all MFA" for one user or many, across tenants, written once for the console and the
/// command line: plan (with the pre-flight), create the job, run and verify it, resume it, and
/// read its results. Progress is reported as events; the front ends print or draw them.
public struct ResetMfaWorkflow: Sendable {
    let tenants: ResetTenants
    let openJournal: @Sendable () throws -> any JournalStorage
    /// The most users worked on at a time in each tenant (1 to ``BulkResetEngine/maxConcurrency``);
    /// how many run adapts below it to the service's answers (``AdaptiveConcurrency``).
    public let perTenantLimit: Int
    /// The ceiling when none is given: high enough for the service's budgets, not the client,
    /// to decide. 64 since the journal's commits got cheaper: 5,000 users at 20 ms took 22.5-23.6 s
    /// against 25.0-29.1 s at 32, and 60 users at 200 ms 34.8x the sequential script (24.2x at 32).
    public static let defaultCeiling = 64
    /// Team mode's four eyes: a job of this many users or more is created awaiting another
    /// operator's approval (``JobApproval``); nil: every job may run at once.
    public let approvalThreshold: Int?
    /// Who asks for an approval: this host's operator (`user@host`), compared with the approver.
    public let requester: String

    /// `journal` opens the journal once, when first needed; every step after uses that one.
    public init(
        tenants: ResetTenants, journal: @escaping @Sendable () throws -> any JournalStorage,
        perTenantLimit: Int = ResetMfaWorkflow.defaultCeiling, approvalThreshold: Int? = nil,
        requester: String = OperatorName.current
    ) {
        self.tenants = tenants
        let once = JournalOnce(journal)
        openJournal = { try once.open() }
        self.perTenantLimit = perTenantLimit
        self.approvalThreshold = approvalThreshold
        self.requester = requester
    }

    public func journal() throws -> any JournalStorage { try openJournal() }

    /// Plans `policy` for `targets`: each user's methods and default method are read (batched
    /// where the service offers it), the policy applied, and the pre-flight marks the users the
    /// service is known to refuse. Users of a tenant that cannot be opened, or whose methods
    /// cannot be read, are left out and reported. `progress` hears how many users were read.
    public func plan(
        _ targets: [ResetTarget], policy: ResetPolicy,
        progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) async throws(ValidationError) -> BulkResetPlanner.Result {
        var names: [String] = []
        for target in targets where !names.contains(target.tenant) { names.append(target.tenant) }
        var removers: [String: any MethodRemover] = [:]
        var unplanned: [UnplannedUser] = []
        for name in names {
            do throws(ServiceError) {
                removers[name] = try await tenants.remover(name)
            } catch {
                let failure = ServiceFailure(
                    httpStatus: error.status, code: error.code, message: "no connection to \(name): \(error.message)",
                    requestID: error.requestID)
                unplanned += targets.filter { $0.tenant == name }.map { UnplannedUser(target: $0, failure: failure) }
            }
        }
        let total = targets.count
        let read = Mutex(unplanned.count)
        progress(unplanned.count, total)
        let reachable = targets.filter { removers[$0.tenant] != nil }
        let planner = try planner(removers)
        try planner.validate(reachable)
        // The pre-flight needs only the users' ids: its reads go beside the method reads.
        async let verdicts = preflightVerdicts(of: reachable)
        // Batches end concurrently: the report is made under the lock, so both front ends see
        // the count only grow.
        let result = try await planner.plan(reachable, policy: policy) { count in
            read.withLock { done in
                done += count
                progress(done, total)
            }
        }
        let marked = planner.mark(result, with: await verdicts)
        return BulkResetPlanner.Result(plan: marked.plan, unplanned: marked.unplanned + unplanned)
    }

    /// The pre-flight's verdicts for `targets`, each tenant's read together.
    func preflightVerdicts(of targets: [ResetTarget]) async -> [ResetTarget.Key: PreflightVerdict] {
        var preflights: [String: Preflight] = [:]
        var asked: Set<String> = []
        for target in targets where asked.insert(target.tenant).inserted {
            if let preflight = await tenants.preflight(target.tenant) { preflights[target.tenant] = preflight }
        }
        return await BulkResetPlanner.preflightVerdicts(of: targets.map(\.key), preflights: preflights)
    }

    /// The plan's runnable users (those the pre-flight does not refuse), checked before the
    /// operator is asked to confirm: a plan with nobody, or with everybody refused, sends nothing.
    public static func runnable(_ plan: ResetJobPlan) throws -> ResetJobPlan {
        guard !plan.users.isEmpty else {
            throw WorkflowFailure("no user could be planned; nothing was sent", status: .someFailed)
        }
        let runnable: ResetJobPlan
        do {
            runnable = try ResetJobPlan(policy: plan.policy, users: plan.runnable)
        } catch {
            throw UsageError(error.message)
        }
        guard !runnable.users.isEmpty else {
            throw WorkflowFailure(
                "the pre-flight says the service will refuse every planned user; nothing was sent", status: .refused)
        }
        return runnable
    }

    /// Journals a job for `runnable` as `operatorName` with `ticket` (and how the callers were
    /// verified). Nothing is sent yet. A job at or above ``approvalThreshold`` is journalled
    /// awaiting approval and reported by a ``WorkflowFailure`` with status `awaitingApproval`
    /// that names it and says how it gets approved: it must not be run.
    public func createJob(
        _ runnable: ResetJobPlan, operatorName: String, ticket: String?, verification: CallerVerification? = nil
    ) async throws -> JobRecord {
        if verification == nil, let first = runnable.tenants.first(where: tenants.verifying.contains) {
            throw UsageError(
                "the profile \(first) requires caller verification (require_caller_verification = true): "
                    + "say how the callers were verified (authdesk reset-mfa --verified-by \(CallerVerification.Method.names)); nothing was sent")
        }
        let held = JobApproval.isRequired(users: runnable.users.count, threshold: approvalThreshold)
        let job: JobRecord
        do {
            job = try await journal().createJob(
                runnable, operatorName: operatorName, ticket: ticket, verification: verification?.text,
                state: held ? .awaitingApproval : .planned)
        } catch let error as JournalError {
            if case .invalidInput = error { throw UsageError(error.description) }
            throw WorkflowFailure("Could not journal the job, nothing was sent: \(error.description)", status: .someFailed)
        }
        guard held, let threshold = approvalThreshold else { return job }
        try await JobApproval(journal: journal()).request(job, plan: runnable, threshold: threshold, requester: requester)
        throw WorkflowFailure(
            "Job \(job.id) has \(runnable.users.count) users, at or above the team's approval threshold of \(threshold): "
                + JobApproval.awaitingMessage(job.id, requester: requester), status: .awaitingApproval)
    }

    /// Runs (or resumes) job `id`; `retryFailed`: its failed users run again too (a finished
    /// job as well). The tenants of the users left to do are opened first; `willStart` gets the
    /// run's controls before the first step is sent (a console quitting suspends it there).
    /// A user's steps go chained in one round trip where the service allows it, or one request
    /// a step when `AUTHDESK_RESET_WRITES=steps` (``ResetWrites``).
    public func run(
        _ id: JobID, retryFailed: Bool = false, willStart: @Sendable (ResetRunControl) async -> Void = { _ in }
    ) async throws -> ResetRun {
        let writes = try ResetWrites.fromEnvironment(ProcessInfo.processInfo.environment)
        let journal = try journal()
        let before = try await journal.summary(of: id)
        var removers: [String: any MethodRemover] = [:]
        for user in before.users where removers[user.user.tenant] == nil
            && (!user.user.state.isFinal || (retryFailed && user.user.state == .failed)) {
            removers[user.user.tenant] = try await tenants.remover(user.user.tenant)
        }
        let engine = try BulkResetEngine(
            journal: journal, removers: removers, perTenantLimit: perTenantLimit, writes: writes, leases: tenants.leases)
        let control = ResetRunControl(engine: engine)
        await willStart(control)
        let events = try await engine.run(id, retryFailed: retryFailed)
        return ResetRun(
            jobID: id, before: before, engineEvents: events, control: control, tenants: Set(removers.keys))
    }

    /// The tenants of job `id`, in order, when it can be resumed: a planned, running or paused
    /// job, or a finished one when its failed users are retried. Anything else is refused.
    public static func tenantsToResume(_ id: JobID, retryFailed: Bool, in journal: any JournalStorage) async throws -> [String] {
        let job = try await journal.job(id)
        if job.state == .awaitingApproval {
            let requester = try await JobApproval(journal: journal).requester(of: job)
            throw WorkflowFailure(
                "Refused: " + JobApproval.awaitingMessage(id, requester: requester, users: try await journal.users(of: id).count),
                status: .refused)
        }
        guard !job.state.isFinal || (retryFailed && job.state == .finished) else {
            throw UsageError(
                "job \(id) is \(job.state.rawValue); only a planned, running or paused job can be resumed"
                    + (job.state == .finished ? ", or a finished one with --retry-failed" : ""))
        }
        var names: [String] = []
        for user in try await journal.users(of: id) where !names.contains(user.tenant) { names.append(user.tenant) }
        return names
    }

    /// The job's users, steps and counts as the journal has them now.
    public func summary(of id: JobID) async throws -> JobSummary {
        try await journal().summary(of: id)
    }

    func planner(_ removers: [String: any MethodRemover]) throws(ValidationError) -> BulkResetPlanner {
        do {
            return try BulkResetPlanner(removers: removers, perTenantLimit: perTenantLimit)
        } catch {
            throw ValidationError(field: "concurrency", message: error.description)
        }
    }
}
