import AuthdeskAudit
import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// The console's tenants: every profile of the configuration (or the `env` profile), or with
/// none configured the embedded sandbox's tenants (`contoso`, `fabrikam` and its Auth0 tenant),
/// each signed in on first use and kept for the session (a ``LazyTenantDirectory``).
struct ProfileTenantDirectory {
    let directory: LazyTenantDirectory
    /// The profile the console opens on: `--profile`, else `default_profile`, else the only one
    /// (`contoso` in the sandbox).
    let defaultTenant: String
    /// Where device-code prompts go: standard error until the console routes them to itself.
    let prompts: SignInRelay
    private let sandbox: Sandbox?

    /// The banner colours given, in order, to profiles that name none.
    static let palette = ["cyan", "magenta", "yellow", "green", "blue", "red"]

    /// Opens the directory for `global`, runs `body` with it, and closes it (stops the sandbox).
    /// `auditor`: told who signed in to each tenant, and its secret, as each is opened.
    static func with<T>(
        _ global: GlobalOptions, auditor: ChangeAuditor? = nil, _ body: (ProfileTenantDirectory) async throws -> T
    ) async throws -> T {
        let tenants = try await open(global, auditor: auditor)
        do {
            let result = try await body(tenants)
            await tenants.sandbox?.stop()
            return result
        } catch {
            await tenants.sandbox?.stop()
            throw error
        }
    }

    /// The default tenant's provider, signed in now: its prompt reaches the operator on standard
    /// error before the console takes the terminal.
    func signInDefault() async throws(ServiceError) -> any IdentityProvider {
        try await directory.provider(for: defaultTenant)
    }

    private static func open(_ global: GlobalOptions, auditor: ChangeAuditor?) async throws -> ProfileTenantDirectory {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try Configuration.load(path: global.config, environment: environment)
        var sandbox: Sandbox?
        var profiles: [Profile]
        let defaultName: String
        let prompts: SignInRelay
        if configuration.isEmpty {
            if let name = global.profile {
                throw ConfigError(
                    "--profile \(name): no profiles are configured (no \(Configuration.defaultPath(environment: environment)), "
                        + "no AZURE_* or AUTH0_* variables); without --profile authdesk uses its embedded sandbox")
            }
            let started = try await Sandbox.start(ServiceSession.embeddedSandboxOptions)
            sandbox = started
            do {
                profiles = try EmbeddedProfile.all(of: started.info)
            } catch {
                await started.stop()
                throw error
            }
            defaultName = "contoso"
            prompts = SignInRelay(fallback: .onTerminal)
        } else {
            profiles = configuration.profiles
            defaultName = try configuration.profile(named: global.profile).name
            prompts = SignInRelay(fallback: .always)
        }
        profiles = colored(profiles)
        if global.readOnly {
            for index in profiles.indices { profiles[index].readOnly = true }
        }
        let byName = Dictionary(profiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let prompt = SignInPrompt.relayed(prompts)
        let directory = LazyTenantDirectory(tenants: profiles.map(\.tenant)) { tenant throws(ServiceError) in
            guard let profile = byName[tenant.name] else {
                throw ServiceError(kind: .notFound, message: "no profile '\(tenant.name)'")
            }
            return try await signIn(profile, prompt: prompt, auditor: auditor)
        }
        return ProfileTenantDirectory(directory: directory, defaultTenant: defaultName, prompts: prompts, sandbox: sandbox)
    }

    /// Builds `profile`'s provider and signs in once, so that a failure shows now, not later.
    private static func signIn(
        _ profile: Profile, prompt: SignInPrompt, auditor: ChangeAuditor?
    ) async throws(ServiceError) -> any IdentityProvider {
        let made: (any IdentityProvider, any TokenProvider)
        do {
            made = try ProviderFactory.make(profile, prompt: prompt)
        } catch let error as ServiceError {
            throw error
        } catch {
            throw ServiceError(kind: .badInput, message: "Cannot sign in to \(profile.name): \(error)")
        }
        _ = try await made.1.token()
        auditor?.signedIn(
            OperatorSource(signedIn: made.1, fallback: OperatorName.current), tenant: profile.name,
            secrets: profile.clientSecret.map { [$0] } ?? [])
        return made.0
    }

    /// The profiles with a banner colour each: the one named, else the first of ``palette`` no
    /// other profile uses, so that every tenant looks different.
    static func colored(_ profiles: [Profile]) -> [Profile] {
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
