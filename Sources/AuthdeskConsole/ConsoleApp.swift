import AuthdeskAudit
import AuthdeskJournal
import AuthdeskServices
import AuthdeskTeamJournal
import AuthdeskViewModels
import AuthdeskWorkflows
import Foundation

/// The console's entry point: the executable hands it the session's tenants to open (or its
/// tenants and the signed-in provider it opens on) and the options.
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
        let model = makeModel(
            directory: directory, provider: provider, options: options,
            team: .init(approvalThreshold: approvalThreshold, activity: activity, journal: journal))
        started(model)
        // The first search leaves now: its round trip overlaps setting the terminal up.
        model.start()
        return try await runTerminal(ConsoleStart(ready: model), options: options).status
    }

    /// Runs the console on the workspace `opening` opens. The terminal is taken at once and
    /// shows a starting frame while the tenants open and the default tenant signs in (its
    /// sign-in prompts on that frame's flash line, later ones on the browser's); the browser
    /// takes over when they are done. A failure to open or sign in is thrown once the terminal
    /// is restored; the workspace is closed before this returns.
    public static func run(opening: WorkspaceOptions, options: ConsoleOptions) async throws -> Int32 {
        let start = ConsoleStart(waitingFor: "Opening the tenants")
        let opened = Task { try await open(opening, options: options, start: start) }
        let ending: Result<TerminalSession.Ending, any Error>
        do {
            ending = .success(try await runTerminal(start, options: options))
        } catch {
            ending = .failure(error)
        }
        if case .success(let end) = ending, end == .startFailed {
            _ = try await opened.value  // throws why the start failed
        }
        opened.cancel()
        if let workspace = try? await opened.value {
            workspace.prompts.route(to: nil)
            await workspace.close()
        }
        return try ending.get().status
    }

    /// Opens the workspace and signs its default tenant in, reporting each phase to `start`,
    /// then hands `start` the browser (its first search already sent).
    private static func open(_ opening: WorkspaceOptions, options: ConsoleOptions, start: ConsoleStart) async throws -> Workspace {
        let workspace: Workspace
        do {
            workspace = try await Workspace.open(opening)
        } catch {
            start.fail()
            throw error
        }
        do {
            start.report("Signing in to \(workspace.defaultTenant)")
            workspace.prompts.route { start.note($0) }
            let provider = try await workspace.provider(for: workspace.defaultTenant)
            StartTrace.mark("signed in")
            var options = options
            options.auditor = workspace.auditor
            let model = makeModel(
                directory: workspace, provider: provider, options: options,
                team: .init(
                    approvalThreshold: workspace.team.approvalThreshold, activity: activitySource(workspace),
                    journal: { try workspace.journal() }))
            workspace.prompts.route { model.announce($0) }
            model.start()
            start.ready(model)
            return workspace
        } catch {
            start.fail()
            workspace.prompts.route(to: nil)
            await workspace.close()
            throw error
        }
    }

    /// What the browser takes from team mode: the approval threshold, the activity feed, the journal.
    private struct TeamParts {
        var approvalThreshold: Int?
        var activity: BrowserViewModel.ActivitySource?
        var journal: @Sendable () throws -> any JournalStorage
    }

    /// The browser on `directory`, opening on `provider`, with its bulk reset screen.
    private static func makeModel(
        directory: any TenantDirectory, provider: any IdentityProvider, options: ConsoleOptions, team: TeamParts
    ) -> BrowserViewModel {
        let workflow = ResetMfaWorkflow(
            tenants: ResetTenants(directory: directory), journal: team.journal, approvalThreshold: team.approvalThreshold)
        let bulk = BulkScreenViewModel(
            workflow: workflow, exportDirectory: JournalStore.exportDirectory(), owner: owner(options.auditor),
            readOnly: options.readOnly)
        return BrowserViewModel(
            directory: directory, provider: provider, readOnly: options.readOnly, auditor: options.auditor, bulk: bulk,
            activity: team.activity)
    }

    /// The terminal session on its own thread (curses is touched from that thread only).
    private static func runTerminal(_ start: ConsoleStart, options: ConsoleOptions) async throws -> TerminalSession.Ending {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    let session = try TerminalSession(start: start, options: options)
                    continuation.resume(returning: try session.run())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.name = "authdesk-terminal"
            thread.start()
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
