import AuthdeskConfig
import AuthdeskCore
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// The provider a command talks to, from the chosen profile, or from the embedded sandbox when
/// no profile is configured; stops the sandbox when the command is done.
struct ServiceSession {
    let provider: any IdentityProvider
    let profile: Profile
    private let sandbox: Sandbox?

    /// Opens a session for `global`'s profile, runs `body` with it, and closes it.
    static func with<T>(
        _ global: GlobalOptions, signInFirst: Bool = false,
        _ body: (ServiceSession) async throws -> T
    ) async throws -> T {
        let session = try await open(global, signInFirst: signInFirst)
        do {
            let result = try await body(session)
            await session.sandbox?.stop()
            return result
        } catch {
            await session.sandbox?.stop()
            throw error
        }
    }

    private static func open(_ global: GlobalOptions, signInFirst: Bool) async throws -> ServiceSession {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try Configuration.load(path: global.config, environment: environment)
        var sandbox: Sandbox?
        var profile: Profile
        if configuration.isEmpty {
            if let name = global.profile {
                throw ConfigError(
                    "--profile \(name): no profiles are configured (no \(Configuration.defaultPath(environment: environment)), "
                        + "no AZURE_* or AUTH0_* variables); without --profile authdesk uses its embedded sandbox")
            }
            let started = try await Sandbox.start(SandboxOptions())
            sandbox = started
            profile = try EmbeddedProfile.contoso(of: started.info)
        } else {
            profile = try configuration.profile(named: global.profile)
        }
        if global.readOnly { profile.readOnly = true }
        do {
            let (provider, tokens) = try ProviderFactory.make(profile)
            if signInFirst { _ = try await tokens.token() }
            return ServiceSession(provider: provider, profile: profile, sandbox: sandbox)
        } catch {
            await sandbox?.stop()
            throw error
        }
    }
}
