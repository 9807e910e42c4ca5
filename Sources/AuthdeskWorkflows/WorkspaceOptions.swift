import AuthdeskCore
import AuthdeskServices
import Foundation

/// What a front end asks to open: the configuration, the profiles named, read-only, and how
/// sign-in prompts are shown. The same for the console, every command and `jobs resume`.
public struct WorkspaceOptions: Sendable {
    /// `--config FILE`; nil: `$XDG_CONFIG_HOME/authdesk/config.toml` or the environment.
    public var config: String?
    /// `--profile` (repeatable for bulk commands): the first is the default tenant.
    public var profiles: [String]
    /// `--read-only`: every tenant of the session is read-only.
    public var readOnly: Bool
    /// Changes are journalled in the audit log (with this session's ticket, if given).
    public var audit: Bool
    public var ticket: String?
    /// `--dry-run`: writes are recorded here instead of sent; nothing is journalled.
    public var dryRun: DryRunRecorder?
    /// `--verified-by`: how the caller's identity was checked, journalled with each change.
    public var verification: CallerVerification?
    /// On the embedded sandbox, Entra tenants sign in as their application (client secret)
    /// instead of their operator (device code), as `reset-mfa` does.
    public var embeddedAsApplication: Bool
    public var environment: [String: String]
    /// Shows a device-code prompt while no console routes it (standard error).
    public var prompt: SignInRelay.Fallback

    public init(
        config: String? = nil, profiles: [String] = [], readOnly: Bool = false, audit: Bool = false,
        ticket: String? = nil, embeddedAsApplication: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        prompt: @escaping SignInRelay.Fallback = { _, _ in }
    ) {
        self.config = config
        self.profiles = profiles
        self.readOnly = readOnly
        self.audit = audit
        self.ticket = ticket
        self.embeddedAsApplication = embeddedAsApplication
        self.environment = environment
        self.prompt = prompt
    }
}
