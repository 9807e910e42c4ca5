import AuthdeskConfig
import AuthdeskCore
import AuthdeskSandbox
import AuthdeskServices
import Foundation

/// The provider a command talks to, from the chosen profile, or from the embedded sandbox when
/// no profile is configured; stops the sandbox when the command is done.
struct ServiceSession {
    let provider: any IdentityProvider
    /// The provider's sign-in: the audit reads the signed-in operator's name from it.
    let tokens: any TokenProvider
    let profile: Profile
    private let sandbox: Sandbox?

    /// The embedded sandbox's options, for the console and every command: its device codes are
    /// approved after 20 ms and polled every 50 ms, since nobody has anything to do (the flow is
    /// the real one, only faster than the 1 s interval `sandbox serve` advertises).
    static let embeddedSandboxOptions = SandboxOptions(
        deviceCodeApprovalDelay: .milliseconds(20), deviceCodePollInterval: .milliseconds(50))

    /// Opens a session for `global`'s profile, runs `body` with it, and closes it. With
    /// `writes`, a read-only profile is refused before anything starts or is sent.
    static func with<T>(
        _ global: GlobalOptions, signInFirst: Bool = false, writes: Bool = false,
        _ body: (ServiceSession) async throws -> T
    ) async throws -> T {
        let session = try await open(global, signInFirst: signInFirst, writes: writes)
        do {
            let result = try await body(session)
            await session.sandbox?.stop()
            return result
        } catch {
            await session.sandbox?.stop()
            throw error
        }
    }

    private static func open(_ global: GlobalOptions, signInFirst: Bool, writes: Bool) async throws -> ServiceSession {
        let environment = ProcessInfo.processInfo.environment
        let configuration = try Configuration.load(path: global.config, environment: environment)
        var sandbox: Sandbox?
        var profile: Profile
        var prompt = SignInPrompt.always
        if configuration.isEmpty {
            if let name = global.profile {
                throw ConfigError(
                    "--profile \(name): no profiles are configured (no \(Configuration.defaultPath(environment: environment)), "
                        + "no AZURE_* or AUTH0_* variables); without --profile authdesk uses its embedded sandbox")
            }
            if writes, global.readOnly { throw refusal("the embedded sandbox") }
            let started = try await Sandbox.start(embeddedSandboxOptions)
            sandbox = started
            profile = try EmbeddedProfile.contoso(of: started.info)
            prompt = .onTerminal
        } else {
            profile = try configuration.profile(named: global.profile)
        }
        if global.readOnly { profile.readOnly = true }
        if writes, profile.readOnly { throw refusal("the profile \(profile.name)") }
        do {
            let (provider, tokens) = try ProviderFactory.make(profile, prompt: prompt)
            if signInFirst { _ = try await tokens.token() }
            return ServiceSession(provider: provider, tokens: tokens, profile: profile, sandbox: sandbox)
        } catch {
            await sandbox?.stop()
            throw error
        }
    }

    private static func refusal(_ what: String) -> ServiceError {
        ServiceError(
            kind: .readOnly,
            message: "Refused: \(what) is read-only (--read-only or read_only = true); nothing was sent")
    }
}
