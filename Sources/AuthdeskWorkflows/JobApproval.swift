import AuthdeskCore
import AuthdeskJournal
import AuthdeskOutput
import Foundation

/// Four eyes on bulk jobs (team mode's `approval_threshold`), written once for `reset-mfa`,
/// `jobs approve`, `jobs resume` and the console: a job of that many users or more is created
/// awaiting approval and nothing is sent; who asked and who approved go to the hash-chained
/// audit log; the operator who asked can never approve.
///
/// Operators are compared by their local account (`alice` of `alice@jump-1`, as
/// ``OperatorName/current`` names them): the same person on another jump host is still the same
/// person, so approving one's own job from a second host is refused too.
public struct JobApproval: Sendable {
    /// The audit log's action when a job is put awaiting approval (by the operator who asked).
    public static let requestAction = "request approval"
    /// The audit log's action when a job is approved (by the approver), or refused its approval.
    public static let approveAction = "approve job"

    public let journal: any JournalStorage

    public init(journal: any JournalStorage) {
        self.journal = journal
    }

    /// Whether a job of `users` users waits for approval under `threshold` (nil: no job waits).
    public static func isRequired(users: Int, threshold: Int?) -> Bool {
        guard let threshold else { return false }
        return users >= threshold
    }

    /// Audits who asked for `job`'s approval; a job created awaiting it (as ``ResetMfaWorkflow``
    /// creates one) stays so, a `planned` one is put awaiting it first. If the job cannot be held
    /// it is cancelled, so that it never runs unapproved.
    @discardableResult
    public func request(
        _ job: JobRecord, plan: ResetJobPlan, threshold: Int, requester: String, at date: Date = Date()
    ) async throws -> JobRecord {
        let held: JobRecord
        do {
            held = job.state == .awaitingApproval ? job : try await journal.setJobState(job.id, to: .awaitingApproval, at: date)
        } catch {
            _ = try? await journal.setJobState(job.id, to: .cancelled, at: date)
            throw WorkflowFailure(
                "Could not hold job \(job.id) for approval, so it was cancelled; nothing was sent: \(error.description)",
                status: .someFailed)
        }
        let detail = "\(plan.users.count) users, at or above the team's approval threshold of \(threshold)"
            + (job.operatorName.map { "; signed in as \($0)" } ?? "")
        var entry = Self.entry(
            job, tenants: plan.tenants, users: plan.users.count, operatorName: requester, action: Self.requestAction,
            outcome: .succeeded, detail: detail, at: date)
        entry.verification = job.verification
        do {
            try await journal.appendAudit(entry)
        } catch {
            throw WorkflowFailure(
                "Job \(job.id) awaits approval, but who asked could not be audited: \(error.description)", status: .someFailed)
        }
        return held
    }

    /// Who asked for `job`'s approval: the operator the audit log names, else the job's operator.
    public func requester(of job: JobRecord) async throws -> String? {
        let entries = try await journal.audit(job: job.id)
        return entries.last { $0.action == Self.requestAction }?.operatorName ?? job.operatorName
    }

    /// Checks that `approver` may approve job `id`, changing nothing (`jobs approve --dry-run`):
    /// the job must await approval (else exit 2, naming its state) and `approver` must not be
    /// the operator who asked (else exit 4, audited as refused).
    public func check(_ id: JobID, by approver: String, at date: Date = Date()) async throws -> JobRecord {
        let job = try await journal.job(id)
        guard job.state == .awaitingApproval else {
            throw UsageError(
                "job \(id) is \(job.state.rawValue), not awaiting approval; only a job awaiting approval can be approved "
                    + "(`authdesk jobs list` shows each job's state)")
        }
        let requester = try await requester(of: job)
        guard let requester, Self.sameOperator(requester, approver) else { return job }
        let users = try await journal.users(of: id)
        let entry = Self.entry(
            job, tenants: Self.tenants(of: users), users: users.count, operatorName: approver, action: Self.approveAction,
            outcome: .refused, detail: "refused: the operator who asked cannot approve", at: date)
        _ = try? await journal.appendAudit(entry)
        throw WorkflowFailure(Self.ownJobRefusal(id, requester: requester), status: .refused)
    }

    /// Approves job `id` as `approver`: audited first (who, when, the job, its ticket), then the
    /// job becomes `planned`, to run when anyone runs `jobs resume ID`. Refused as ``check(_:by:at:)``
    /// says; a job approved or cancelled by someone else in the meantime is refused (exit 2).
    @discardableResult
    public func approve(_ id: JobID, by approver: String, at date: Date = Date()) async throws -> JobRecord {
        let job = try await check(id, by: approver, at: date)
        let users = try await journal.users(of: id)
        let tenants = Self.tenants(of: users)
        let requester = try await requester(of: job) ?? "unknown"
        try await journal.appendAudit(
            Self.entry(
                job, tenants: tenants, users: users.count, operatorName: approver, action: Self.approveAction,
                outcome: .succeeded, detail: "approved job of \(users.count) users asked for by \(requester)", at: date))
        do {
            return try await journal.setJobState(id, to: .planned, at: date)
        } catch {
            let now = (try? await journal.job(id).state.rawValue) ?? "unknown"
            _ = try? await journal.appendAudit(
                Self.entry(
                    job, tenants: tenants, users: users.count, operatorName: approver, action: Self.approveAction,
                    outcome: .failed, detail: "not applied: the job became \(now) meanwhile", at: date))
            throw UsageError("job \(id) is \(now), not awaiting approval any more (someone else got there first)")
        }
    }

    /// `jobs approve`'s result: the job, its state now, who asked, who approved, whether it was
    /// only checked (`--dry-run`), and what to run next.
    public static func report(_ job: JobRecord, requester: String?, approver: String, dryRun: Bool) -> Report {
        var report = Report(columns: [
            .init("job", "Job"), .init("state", "State"), .init("requestedBy", "Asked by"), .init("approvedBy", "Approved by"),
            .init("ticket", "Ticket"), .init("dryRun", "Dry run"), .init("next", "Next"),
        ])
        report.append(cells: [
            .string(job.id.rawValue), .string(job.state.rawValue), .text(requester), .string(approver), .text(job.ticket),
            .bool(dryRun), .string(dryRun ? "authdesk jobs approve \(job.id)" : "authdesk jobs resume \(job.id)"),
        ])
        return report
    }

    /// What the operator who asked reads when trying to approve their own job.
    public static func ownJobRefusal(_ id: JobID, requester: String) -> String {
        "Refused: you asked for job \(id) (as \(requester)), and four eyes need another operator to approve it; nothing changed"
    }

    /// Why job `id` does not run yet, and who can let it (`jobs resume`, the console).
    public static func awaitingMessage(_ id: JobID, requester: String?, users: Int? = nil) -> String {
        let size = users.map { " of \($0) users" } ?? ""
        let who = requester.map { "an operator other than \(account(of: $0)) (who asked, as \($0))" } ?? "another operator"
        return "job \(id)\(size) awaits approval, and nothing was sent: \(who) approves it with "
            + "'authdesk jobs approve \(id)' or on the console's :jobs screen; then 'authdesk jobs resume \(id)' runs it"
    }

    /// Whether two operator names are the same person: their local accounts match (any host).
    public static func sameOperator(_ one: String, _ other: String) -> Bool {
        account(of: one).lowercased() == account(of: other).lowercased()
    }

    /// The account part of `user@host` (the whole name when it has no `@`).
    static func account(of name: String) -> String {
        guard let at = name.lastIndex(of: "@") else { return name }
        return String(name[..<at])
    }

    static func tenants(of users: [JobUserRecord]) -> [String] {
        var names: [String] = []
        for user in users where !names.contains(user.tenant) { names.append(user.tenant) }
        return names
    }

    /// A job-wide audit entry: every tenant of the job, `*` for its users (counted in the name).
    static func entry(
        _ job: JobRecord, tenants: [String], users: Int, operatorName: String, action: String, outcome: AuditOutcome,
        detail: String, at date: Date
    ) -> AuditEntry {
        AuditEntry(
            at: date, operatorName: operatorName, tenant: tenants.joined(separator: ","), userID: "*",
            userName: "\(users) users", action: action, target: "job \(job.id)", outcome: outcome, detail: detail,
            ticket: job.ticket, jobID: job.id)
    }
}
