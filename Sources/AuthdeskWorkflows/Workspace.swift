import AuthdeskAudit
import AuthdeskConfig
import AuthdeskJournal
import AuthdeskCore
import AuthdeskSandbox
import AuthdeskServices
import AuthdeskTeamJournal
import Foundation

/// The tenants of one session, opened one way for every front end: the configured profiles,
/// or with none the embedded sandbox's tenants (`contoso`, `fabrikam`, `acme`). Each tenant is
/// signed in on first use and kept; the session's audit names each tenant's signed-in operator.
public final class Workspace: TenantDirectory, Sendable {
    /// The tenant of users given without a `TENANT:` prefix, and the one the console opens on.
    public let defaultTenant: String
    /// Every profile of the session, in configuration order, each with a banner colour.
    public let profiles: [Profile]
    /// No profile is configured: the tenants are the embedded sandbox's.
    public let isEmbedded: Bool
    /// Where device-code prompts go (the console routes them to its flash line).
    public let prompts: SignInRelay
    /// Journals every change made through ``auditedProvider(for:)`` (nil when not asked for).
    public let auditor: ChangeAuditor?
    /// Where the configuration came from, for error messages.
    let source: String
    let directory: LazyTenantDirectory
    let sandbox: Sandbox?
    /// Who signed in to each tenant opened so far.
    let operators: SignedInOperators
    /// The session's dry run, when writes are recorded instead of sent.
    public let dryRun: DryRunRecorder?
    /// The environment the workspace was opened with: where its state directory (the journal) is.
    public let environment: [String: String]
    /// The team's settings ([team] / AUTHDESK_JOURNAL_URL); `isTeamMode` when a shared journal is configured.
    public let team: TeamSettings
    /// The shared PostgreSQL database in team mode (opened, its schema migrated), nil otherwise.
    public let teamDatabase: TeamJournalDatabase?

    init(
        defaultTenant: String, profiles: [Profile], isEmbedded: Bool, source: String, prompts: SignInRelay,
        auditor: ChangeAuditor?, sandbox: Sandbox?, dryRun: DryRunRecorder? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, team: TeamSettings = TeamSettings(),
        teamDatabase: TeamJournalDatabase? = nil
    ) {
        self.team = team
        self.teamDatabase = teamDatabase
        self.dryRun = dryRun
        self.environment = environment
        self.defaultTenant = defaultTenant
        self.profiles = profiles
        self.isEmbedded = isEmbedded
        self.source = source
        self.prompts = prompts
        self.auditor = auditor
        self.sandbox = sandbox
        let operators = SignedInOperators()
        self.operators = operators
        let byName = Dictionary(profiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let client = (try? HTTPClientChoice.from(environment)) ?? .asyncHTTPClient  // open() refused a bad one
        directory = LazyTenantDirectory(tenants: profiles.map(\.tenant)) { tenant throws(ServiceError) in
            guard let profile = byName[tenant.name] else {
                throw ServiceError(kind: .notFound, message: "no profile '\(tenant.name)'")
            }
            let (provider, source) = try await Self.signIn(
                profile, client: client, prompts: prompts, auditor: auditor, dryRun: dryRun)
            operators.record(source, tenant: profile.name)
            return provider
        }
    }

    public var tenants: [TenantInfo] { directory.tenants }

    /// The provider of tenant `name`, signed in (once per session).
    public func provider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        try await directory.provider(for: name)
    }

    /// The provider of tenant `name` with every change it sends journalled by ``auditor``.
    public func auditedProvider(for name: String) async throws(ServiceError) -> any IdentityProvider {
        let provider = try await provider(for: name)
        guard let auditor else { return provider }
        return auditor.wrap(provider)
    }

    /// The profile of tenant `name`; an unknown name is refused with the names there are.
    public func profile(named name: String) throws(ConfigError) -> Profile {
        guard let profile = profiles.first(where: { $0.name == name }) else {
            let known = profiles.map(\.name).sorted().joined(separator: ", ")
            throw ConfigError("no profile '\(name)' in \(source); profiles: \(known)")
        }
        return profile
    }

    /// Checks, before anything is signed in or sent, that every one of `names` is a profile.
    public func requireProfiles(_ names: [String]) throws(ConfigError) {
        for name in names { _ = try profile(named: name) }
    }

    /// Refuses, before anything is sent, a change in a read-only tenant among `names`.
    public func refuseReadOnly(_ names: [String]) throws(ServiceError) {
        let readOnly = names.filter { name in profiles.first { $0.name == name }?.readOnly ?? false }
        guard let first = readOnly.first else { return }
        let what = isEmbedded ? "the embedded sandbox" : "the profile \(first)"
        throw ServiceError(
            kind: .readOnly, message: "Refused: \(what) is read-only (--read-only or read_only = true); nothing was sent")
    }

    /// Refuses a job in a read-only tenant before anything is sent: only its dry run is allowed.
    public func refuseReadOnlyJob() throws(ServiceError) {
        let readOnly = profiles.filter(\.readOnly).map(\.name).sorted()
        guard readOnly.isEmpty else {
            throw ServiceError(
                kind: .readOnly, message: "profile \(readOnly.joined(separator: ", ")) is read-only; only --dry-run is allowed")
        }
    }

    /// Who works in tenant `name`: the user signed in there (named in the token), else the local
    /// account (`user@host`). Jobs and changes are journalled as this operator.
    public func operatorName(in name: String) async -> String {
        guard let source = operators.source(in: name) else { return OperatorName.current }
        return await source.name()
    }

    /// Stops the embedded sandbox, if one was started, and closes the team's database.
    public func close() async {
        await sandbox?.stop()
        await teamDatabase?.close()
    }

    /// Opens a workspace for `options`, runs `body` with it, and closes it.
    public static func with<T>(_ options: WorkspaceOptions, _ body: (Workspace) async throws -> T) async throws -> T {
        let workspace = try await open(options)
        do {
            let result = try await body(workspace)
            await workspace.close()
            return result
        } catch {
            await workspace.close()
            throw error
        }
    }

    /// Builds `profile`'s provider and signs in once, so that a failure shows now, not later.
    static func signIn(
        _ profile: Profile, client: HTTPClientChoice, prompts: SignInRelay, auditor: ChangeAuditor?,
        dryRun: DryRunRecorder? = nil
    ) async throws(ServiceError) -> (any IdentityProvider, OperatorSource) {
        let made: (any IdentityProvider, any TokenProvider)
        do {
            made = try ProviderFactory.make(profile, client: client, dryRun: dryRun) { prompts.show($0) }
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(kind: .badInput, message: "Cannot sign in to \(profile.name): \(error)")
        }
        _ = try await made.1.token()
        let source = OperatorSource(signedIn: made.1, fallback: OperatorName.current)
        auditor?.signedIn(source, tenant: profile.name, secrets: profile.clientSecret.map { [$0] } ?? [])
        return (made.0, source)
    }
}
