import AuthdeskAudit
import AuthdeskCore
import AuthdeskServices

/// One change to one user, written once for both front ends: find the user, run the pre-flight
/// (a known refusal stops it unless forced), send the change through the tenant's audited
/// provider, and say what could not be journalled.
public struct ChangeWorkflow: Sendable {
    /// The code of the refusal the pre-flight raises (no role hint: it names its reason).
    public static let preflightRefusedCode = "preflightRefused"

    /// The tenant's provider, audited: every change sent through it is journalled.
    public let provider: any IdentityProvider
    let auditor: ChangeAuditor?
    let force: Bool
    let report: @Sendable (ChangeEvent) -> Void
    /// The lease each change holds on its user while it is checked and sent (nil: none taken).
    let lease: ChangeLease?

    /// - Parameters:
    ///   - force: send even when the pre-flight knows the service will refuse.
    ///   - report: hears warnings and audit failures as they happen.
    ///   - lease: the lease on the user each change holds (``ChangeLease``); nil takes none.
    public init(
        provider: any IdentityProvider, auditor: ChangeAuditor?, force: Bool = false,
        report: @escaping @Sendable (ChangeEvent) -> Void = { _ in }, lease: ChangeLease? = nil
    ) {
        self.provider = provider
        self.auditor = auditor
        self.force = force
        self.report = report
        self.lease = lease
    }

    /// Opens `options`' default tenant for changes (a read-only tenant is refused before anything
    /// is sent), runs `body` with its workflow, and reports the changes that were not journalled.
    public static func run<T>(
        _ options: WorkspaceOptions, force: Bool = false, report: @escaping @Sendable (ChangeEvent) -> Void,
        _ body: (ChangeWorkflow) async throws -> T
    ) async throws -> T {
        var options = options
        options.audit = options.dryRun == nil
        return try await Workspace.with(options) { workspace in
            try workspace.refuseReadOnly([workspace.defaultTenant])
            try workspace.requireVerification(options.verification, in: [workspace.defaultTenant], dryRun: options.dryRun != nil)
            let workflow = ChangeWorkflow(
                provider: try await workspace.auditedProvider(for: workspace.defaultTenant), auditor: workspace.auditor,
                force: force, report: report,
                lease: options.dryRun == nil ? workspace.changeLease(ticket: options.ticket) : nil)
            defer { workflow.reportAuditFailures() }
            return try await body(workflow)
        }
    }

    /// Runs `body` as ``run(_:force:report:_:)`` does, but with every write recorded instead of
    /// sent (reads still go, so the real provider code builds the requests); nothing is
    /// journalled. Returns the requests that would have been sent, secrets masked.
    public static func dryRun(
        _ options: WorkspaceOptions, force: Bool = false, report: @escaping @Sendable (ChangeEvent) -> Void,
        _ body: (ChangeWorkflow) async throws -> Void
    ) async throws -> [PlannedRequest] {
        var options = options
        let recorder = DryRunRecorder()
        options.dryRun = recorder
        try await run(options, force: force, report: report, body)
        return recorder.all
    }

    /// The user `reference` names: an object id or principal name (Graph), a user id or e-mail (Auth0).
    public func user(_ reference: String) async throws(ServiceError) -> DirectoryUser {
        try await provider.user(reference)
    }

    /// Checks `action` on `target`: a warning is reported; a known refusal stops the change
    /// (nothing sent) unless the workflow is forced.
    public func preflight(_ action: PreflightAction, on target: DirectoryUser) async throws(ServiceError) {
        let verdict = await Preflight(provider: provider).check(action, userID: target.id)
        switch verdict.level {
        case .clear:
            return
        case .warning:
            report(.preflightWarning(verdict.text))
        case .refused:
            guard force else {
                throw ServiceError(
                    kind: .forbidden, code: Self.preflightRefusedCode,
                    message: "Pre-flight: the service will refuse this: \(verdict.text). Nothing was sent; "
                        + "--force sends it anyway")
            }
            report(.forced(verdict.text))
        }
    }

    /// Finds the user, runs the pre-flight of the change `make` builds for them, and sends it.
    public func change(
        _ reference: String, _ make: (DirectoryUser) throws -> ChangeRequest
    ) async throws -> (user: DirectoryUser, outcome: ChangeOutcome) {
        let target = try await user(reference)
        let request = try make(target)
        return try await holding(target) {
            try await preflight(request.preflightAction, on: target)
            return (target, try await request.send(to: provider))
        }
    }

    /// Reports each change the auditor could not journal (or that there is no journal at all).
    func reportAuditFailures() {
        guard let auditor else { return }
        var messages = auditor.takeFailures()
        if auditor.journal == nil, let problem = auditor.problem {
            messages = ["\(problem); the change is not journalled"]
        }
        for message in messages { report(.notJournalled(message)) }
    }
}
