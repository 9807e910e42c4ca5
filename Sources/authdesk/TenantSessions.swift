import AuthdeskAudit
import AuthdeskBulkReset
import AuthdeskConfig
import AuthdeskCore
import AuthdeskJournal
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// Several tenants open at once, for a bulk job: a provider per profile name, from the
/// configuration, or from the embedded sandbox (both its Entra tenants) when none is configured.
struct TenantSessions {
    /// The tenant of users given without a `TENANT:` prefix.
    let defaultTenant: String
    let providers: [String: any IdentityProvider]
    let profiles: [String: Profile]
    /// Each tenant's sign-in (the operator a job is journalled as).
    let tokens: [String: any TokenProvider]
    private let sandbox: Sandbox?

    /// One ``ProviderRemover`` per tenant, for the planner and the engine.
    var removers: [String: any MethodRemover] {
        providers.mapValues { provider -> any MethodRemover in
            return ProviderRemover(provider: provider)
        }
    }

    /// Opens the profiles `options` names and every tenant in `extra` (the prefixes of the users,
    /// or a job's tenants), runs `body`, and closes them.
    static func with<T>(
        _ options: TenantOptions, extra: [String] = [], _ body: (TenantSessions) async throws -> T
    ) async throws -> T {
        let sessions = try await open(options, extra: extra)
        do {
            let result = try await body(sessions)
            await sessions.sandbox?.stop()
            return result
        } catch {
            await sessions.sandbox?.stop()
            throw error
        }
    }

    private static func open(_ options: TenantOptions, extra: [String]) async throws -> TenantSessions {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try Configuration.load(path: options.config, environment: environment)
        var sandbox: Sandbox?
        var available: [String: Profile] = [:]
        let defaultName: String
        if configuration.isEmpty {
            let started = try await Sandbox.start(SandboxOptions())
            sandbox = started
            for tenant in started.info.tenants {
                available[tenant.name] = try EmbeddedProfile.entra(tenant.name, of: started.info, asApplication: true)
            }
            defaultName = options.profile.first ?? "contoso"
        } else {
            for profile in configuration.profiles { available[profile.name] = profile }
            defaultName = try configuration.profile(named: options.profile.first).name
        }
        var names: [String] = []
        for name in [defaultName] + options.profile + extra where !names.contains(name) { names.append(name) }
        var providers: [String: any IdentityProvider] = [:]
        var profiles: [String: Profile] = [:]
        var tokens: [String: any TokenProvider] = [:]
        do {
            for name in names {
                guard var profile = available[name] else {
                    let known = available.keys.sorted().joined(separator: ", ")
                    let source = configuration.isEmpty ? "the embedded sandbox" : configuration.source
                    throw ConfigError("no profile '\(name)' in \(source); profiles: \(known)")
                }
                if options.readOnly { profile.readOnly = true }
                (providers[name], tokens[name]) = try ProviderFactory.make(profile)
                profiles[name] = profile
            }
        } catch {
            await sandbox?.stop()
            throw error
        }
        return TenantSessions(
            defaultTenant: defaultName, providers: providers, profiles: profiles, tokens: tokens, sandbox: sandbox)
    }

    /// Who a job in tenant `name` is journalled as: the user signed in there (named in the token),
    /// else the local account (`user@host`), as single changes are.
    func operatorName(in name: String) async -> String {
        guard let tokens = tokens[name] else { return OperatorName.current }
        return await OperatorSource(signedIn: tokens, fallback: OperatorName.current).name()
    }
}
