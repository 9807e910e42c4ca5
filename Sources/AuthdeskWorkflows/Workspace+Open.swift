import AuthdeskAudit
import AuthdeskConfig
import AuthdeskJournal
import AuthdeskCore
import AuthdeskSandbox
import AuthdeskServices
import AuthdeskTeamJournal
import Foundation

extension Workspace {
    /// The embedded sandbox's options, for the console and every command: its device codes are
    /// approved at once and polled after 10 ms, since nobody has anything to do (the flow is the
    /// real one, only faster than the 1 s interval `sandbox serve` advertises; the 50 ms it
    /// waited before was a third of the console's start).
    public static let embeddedSandboxOptions = SandboxOptions(
        deviceCodeApprovalDelay: .zero, deviceCodePollInterval: .milliseconds(10))

    /// The banner colours given, in order, to profiles that name none.
    public static let palette = ["cyan", "magenta", "yellow", "green", "blue", "red"]

    /// Opens the session's tenants: the configuration's profiles, or with none configured the
    /// embedded sandbox (started here, stopped by ``close()``). Nothing is signed in yet.
    /// `options.profiles` must name profiles that exist; the first is the default tenant.
    public static func open(_ options: WorkspaceOptions) async throws -> Workspace {
        let configuration = try Configuration.load(path: options.config, environment: options.environment)
        _ = try HTTPClientChoice.from(options.environment)  // a misspelt AUTHDESK_HTTP_CLIENT, before anything starts
        let teamDatabase = try await JournalStore.openDatabase(configuration.team, environment: options.environment)
        do {
            return try await open(options, configuration: configuration, teamDatabase: teamDatabase)
        } catch {
            await teamDatabase?.close()
            throw error
        }
    }

    /// ``open(_:)`` once the configuration is loaded and the team's database (in team mode) open:
    /// the one pool the workspace, its auditor, its leases and its journal share.
    static func open(
        _ options: WorkspaceOptions, configuration: Configuration, teamDatabase: TeamJournalDatabase?
    ) async throws -> Workspace {
        // The journal opens (SQLite, its schema) while the sandbox starts and generates its
        // users: both take milliseconds of CPU, and the machine has more than one core.
        async let opening = options.audit ? makeAuditor(options, teamDatabase: teamDatabase) : nil
        var profiles: [Profile]
        var defaultName: String
        var sandbox: Sandbox?
        let source: String
        if configuration.isEmpty {
            let started = try await Sandbox.start(embeddedSandboxOptions)
            StartTrace.mark("sandbox started")
            sandbox = started
            do {
                profiles = try EmbeddedProfile.all(of: started.info, asApplication: options.embeddedAsApplication)
            } catch {
                await started.stop()
                throw error
            }
            source = "the embedded sandbox"
            defaultName = "contoso"
            if let name = options.profiles.first, !profiles.contains(where: { $0.name == name }) {
                await started.stop()
                throw ConfigError(
                    "--profile \(name): no profiles are configured (no \(Configuration.defaultPath(environment: options.environment)), "
                        + "no AZURE_* or AUTH0_* variables); without --profile authdesk uses its embedded sandbox, "
                        + "whose tenants are \(profiles.map(\.name).joined(separator: ", "))")
            }
        } else {
            profiles = configuration.profiles
            source = configuration.source
            defaultName = try configuration.profile(named: options.profiles.first).name
        }
        defaultName = options.profiles.first ?? defaultName
        profiles = colored(profiles)
        if options.readOnly {
            for index in profiles.indices { profiles[index].readOnly = true }
        }
        let auditor = await opening
        StartTrace.mark("journal opened")
        let workspace = Workspace(
            defaultTenant: defaultName, profiles: profiles, isEmbedded: sandbox != nil, source: source,
            prompts: SignInRelay(embedded: sandbox != nil, fallback: options.prompt), auditor: auditor, sandbox: sandbox,
            dryRun: options.dryRun, environment: options.environment, team: configuration.team, teamDatabase: teamDatabase)
        do {
            try workspace.requireProfiles(options.profiles)
        } catch {
            await sandbox?.stop()
            throw error
        }
        return workspace
    }

    /// The session's auditor: the session's journal (the team's in team mode; or why it cannot
    /// be opened), the local account until each tenant's sign-in names its operator.
    static func makeAuditor(_ options: WorkspaceOptions, teamDatabase: TeamJournalDatabase?) -> ChangeAuditor {
        let (journal, problem) = JournalStore.openForAudit(teamDatabase: teamDatabase, environment: options.environment)
        let auditor = ChangeAuditor(
            journal: journal, problem: problem, operatorSource: OperatorSource(fixed: OperatorName.current),
            ticket: options.ticket)
        auditor.verification = options.verification
        return auditor
    }

    /// The profiles with a banner colour each: the one named, else the first of ``palette`` no
    /// other profile uses, so that every tenant looks different.
    public static func colored(_ profiles: [Profile]) -> [Profile] {
        var used = Set(profiles.compactMap { $0.color?.lowercased() })
        var fallback = 0
        return profiles.map { profile in
            var profile = profile
            guard profile.color == nil else { return profile }
            let color = palette.first { !used.contains($0) } ?? palette[fallback % palette.count]
            if used.contains(color) { fallback += 1 }
            used.insert(color)
            profile.color = color
            return profile
        }
    }
}
