import AuthdeskCore
import AuthdeskJournal
import AuthdeskServices
import Foundation
import Synchronization

/// Writes one audit entry per answered change, for every front end (command line, console):
/// who, when, tenant, user, what, outcome, request id and the session's ticket reference.
///
/// Built once per session around the journal; ``wrap(_:)`` gives providers whose writes it
/// audits. When the journal could not be opened, changes go on unjournalled: ``problem`` says
/// why, and the front end warns the operator (the console in its flash, commands on stderr).
public final class ChangeAuditor: Sendable {
    /// The journal entries are appended to; nil when it could not be opened.
    public let journal: (any JournalStorage)?
    /// Why there is no journal, or why the latest entry could not be written.
    public var problem: String? { state.withLock { $0.problem } }

    /// The journal entry being undone by the changes made in this task, if any.
    @TaskLocal public static var undoing: Int64?
    /// How the caller was verified for the changes made in this task (a console dialog's answer),
    /// over the session's ``verification``.
    @TaskLocal public static var verifying: CallerVerification?

    private struct State {
        var ticket: String?
        var verification: CallerVerification?
        var problem: String?
        var failures: [String] = []
        /// Who signed in to each tenant opened later in the session (the console's tenants).
        var operators: [String: OperatorSource] = [:]
        /// Secrets of tenants opened later in the session.
        var secrets: [Secret] = []
    }

    private let state: Mutex<State>
    private let operatorSource: OperatorSource
    private let secrets: [Secret]
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - journal: where entries go; nil (with `problem`) when it could not be opened.
    ///   - operatorSource: who is making the changes.
    ///   - secrets: secrets of the session (the client secret) that no entry may contain.
    ///   - ticket: the ticket reference for the session's changes, if known already.
    public init(
        journal: (any JournalStorage)?, problem: String? = nil, operatorSource: OperatorSource, secrets: [Secret] = [],
        ticket: String? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.journal = journal
        self.operatorSource = operatorSource
        self.secrets = secrets
        self.now = now
        state = Mutex(State(ticket: Self.clean(ticket), problem: journal == nil ? (problem ?? "no journal") : nil))
    }

    /// The ticket reference written with each change from now on (nil or empty: none).
    public var ticket: String? {
        get { state.withLock { $0.ticket } }
        set { state.withLock { $0.ticket = Self.clean(newValue) } }
    }

    /// How the caller was verified, written with each change from now on (nil: not asked).
    public var verification: CallerVerification? {
        get { state.withLock { $0.verification } }
        set { state.withLock { $0.verification = newValue } }
    }

    /// Tenant `tenant` was signed in to as `source` (with these secrets): its entries name that
    /// operator and no entry contains the secrets. For sessions that open tenants one by one.
    public func signedIn(_ source: OperatorSource, tenant: String, secrets: [Secret] = []) {
        state.withLock {
            $0.operators[tenant] = source
            $0.secrets += secrets
        }
    }

    /// Who is signed in to tenant `tenant` (a profile name), as its entries name them.
    public func operatorName(for tenant: String) async -> String {
        let source = state.withLock { $0.operators[tenant] } ?? operatorSource
        return await source.name()
    }

    /// `provider` with every write audited by this auditor.
    public func wrap(_ provider: any IdentityProvider) -> AuditedProvider {
        AuditedProvider(base: provider, auditor: self)
    }

    /// Messages of entries that could not be written since the last call (for a warning).
    public func takeFailures() -> [String] {
        state.withLock { state in
            defer { state.failures = [] }
            return state.failures
        }
    }

    /// Appends the entry of an answered change; returns it as stored, or nil when it could not
    /// be written (then ``takeFailures()`` says why; the change itself stands).
    @discardableResult
    public func record(
        _ change: AuditedChange, tenant: TenantInfo, user: DirectoryUser?, outcome: AuditOutcome,
        detail: String? = nil, requestID: String?, evidence: ChangeEvidence? = nil
    ) async -> AuditEntry? {
        guard let journal else { return nil }
        let (tenantSecrets, verification) = state.withLock { ($0.secrets, $0.verification) }
        var entry = AuditEntry(
            at: now(), operatorName: await operatorName(for: tenant.name), tenant: tenant.name, userID: change.userID,
            userName: user.map { "\($0.displayName) (\($0.principalName))" }, action: change.action,
            target: change.target, outcome: outcome, detail: detail ?? change.stateBefore?.text, requestID: requestID,
            ticket: ticket)
        entry.verification = (Self.verifying ?? verification)?.text
        entry.undoOf = Self.undoing
        evidence?.fill(&entry)
        do throws(JournalError) {
            let stored = try await journal.appendAudit(entry, scrubbing: secrets + tenantSecrets + change.secrets)
            state.withLock { $0.problem = nil }
            return stored
        } catch {
            let message = "the change to \(change.userID) (\(change.action)) was not journalled: \(error.description)"
            state.withLock {
                $0.problem = message
                $0.failures.append(message)
            }
            return nil
        }
    }

    /// How a failed change is journalled; nil when it was refused before anything was sent
    /// (read-only, or input the provider checked itself), which needs no entry.
    public static func outcome(of error: ServiceError) -> AuditOutcome? {
        if error.kind == .readOnly { return nil }
        guard let status = error.status else {
            return error.kind == .badInput ? nil : .failed
        }
        return (400..<500).contains(status) ? .refused : .failed
    }

    /// `HTTP 403 accessDenied: Request Authorization failed`: the failure without its request id
    /// (which has its own field).
    public static func detail(of error: ServiceError) -> String {
        var facts: [String] = []
        facts.append(error.status.map { "HTTP \($0)" } ?? "no answer")
        if let code = error.code { facts.append(code) }
        return facts.joined(separator: " ") + ": " + error.message
    }

    /// What is wrong with `ticket` as a ticket reference, if anything (one line, at most 200 characters).
    public static func ticketProblem(_ ticket: String) -> String? {
        if ticket.contains(where: \.isNewline) || ticket.count > 200 {
            return "a ticket reference is one line of at most 200 characters (e.g. INC-1234)"
        }
        return nil
    }

    private static func clean(_ ticket: String?) -> String? {
        guard let text = ticket?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
