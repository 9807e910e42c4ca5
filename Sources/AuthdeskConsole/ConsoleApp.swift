import AuthdeskAudit
import AuthdeskJournal
import AuthdeskServices
import AuthdeskTeamJournal
import AuthdeskViewModels
import AuthdeskWorkflows
import Foundation

/// The console's entry point: the executable hands it the session's tenants, the signed-in
/// provider it opens on, and the options.
public enum ConsoleApp {
    /// Runs the console until the operator quits, a signal arrives or the terminal goes away;
    /// returns the exit status (0 on quit, 128 + the signal number otherwise) once the terminal
    /// is restored. Throws ``ConsoleError`` when the console cannot start.
    ///
    /// - Parameters:
    ///   - directory: the tenants `:tenant` and the picker switch among (signing in on first use),
    ///     and that a bulk reset of marked users reaches. The journal and the exports live in the
    ///     state directory (INTERFACES.md).
    ///   - provider: the tenant the console opens on, signed in, one of `directory`'s.
    ///   - journal: opens the session's journal for bulk jobs (the team's in team mode).
    ///   - started: called with the browser's view model before the terminal is taken (to route
    ///     later sign-in prompts to ``BrowserViewModel/announce(_:)``).
    public static func run(
        directory: any TenantDirectory, provider: any IdentityProvider, options: ConsoleOptions,
        approvalThreshold: Int? = nil, activity: BrowserViewModel.ActivitySource? = nil,
        journal: @escaping @Sendable () throws -> any JournalStorage = { try JournalStore.open(teamDatabase: nil) },
        started: @Sendable (BrowserViewModel) -> Void = { _ in }
    ) async throws -> Int32 {
        let workflow = ResetMfaWorkflow(
            tenants: ResetTenants(directory: directory), journal: journal, approvalThreshold: approvalThreshold)
        let bulk = BulkScreenViewModel(
            workflow: workflow, exportDirectory: JournalStore.exportDirectory(), owner: owner(options.auditor),
            readOnly: options.readOnly)
        let model = BrowserViewModel(
            directory: directory, provider: provider, readOnly: options.readOnly, auditor: options.auditor, bulk: bulk,
            activity: activity)
        started(model)
        // The first search leaves now: its round trip overlaps setting the terminal up.
        model.start()
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let session = try TerminalSession(model: model, options: options)
                    continuation.resume(returning: try session.run().status)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "authdesk-terminal"
            thread.start()
        }
    }

    /// Runs the console on `workspace`: its default tenant signed in first (its prompt shows on
    /// standard error before the console takes the terminal), later sign-in prompts routed to
    /// the console's flash line while it runs.
    public static func run(on workspace: Workspace, options: ConsoleOptions) async throws -> Int32 {
        let provider = try await workspace.provider(for: workspace.defaultTenant)
        StartTrace.mark("signed in")
        let prompts = workspace.prompts
        defer { prompts.route(to: nil) }
        return try await run(
            directory: workspace, provider: provider, options: options, approvalThreshold: workspace.team.approvalThreshold,
            activity: activitySource(workspace), journal: { try workspace.journal() }
        ) { model in
            prompts.route { model.announce($0) }
        }
    }

    /// A bulk job's operator and ticket: the session's, as the auditor knows them.
    private static func owner(_ auditor: ChangeAuditor?) -> BulkScreenViewModel.JobOwner? {
        guard let auditor else { return nil }
        return { tenant in (await auditor.operatorName(for: tenant), auditor.ticket) }
    }

    /// The console on one provider alone (no tenant to switch to).
    public static func run(provider: any IdentityProvider, options: ConsoleOptions) async throws -> Int32 {
        try await run(directory: FixedTenantDirectory([provider]), provider: provider, options: options)
    }

    /// Team mode's live activity: a ``TeamActivityFeed`` on the shared journal, closed when the
    /// console stops listening; nil without team mode.
    static func activitySource(_ workspace: Workspace) -> BrowserViewModel.ActivitySource? {
        guard let url = workspace.team.journalURL else { return nil }
        let environment = workspace.environment
        return {
            let feed = try await TeamActivityFeed.open(url, environment: environment)
            return AsyncStream { continuation in
                let relay = Task {
                    for await event in feed.events { continuation.yield(event) }
                    continuation.finish()
                }
                continuation.onTermination = { _ in
                    relay.cancel()
                    Task { await feed.close() }
                }
            }
        }
    }
}
