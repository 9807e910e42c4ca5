import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskWorkflows

/// The options of the bulk commands: like ``GlobalOptions``, but `--profile` may be repeated, so
/// that one job can span several tenants (users written `TENANT:USER`).
struct TenantOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "A profile to use; repeat it for several tenants. The first one is the tenant of users given without a TENANT: prefix (default: default_profile, or the only one).",
            valueName: "NAME"))
    var profile: [String] = []

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: $XDG_CONFIG_HOME/authdesk/config.toml).", valueName: "FILE"))
    var config: String?

    @Flag(name: .long, help: "Refuse every change: only a dry run is allowed.")
    var readOnly = false

    @Flag(name: .long, help: "One line per HTTP request on standard error: method, path, status, duration, retries, request ids (never a secret).")
    var verbose = false

    /// What the workflows open: on the embedded sandbox its Entra tenants sign in as their
    /// application, as a bulk job's do.
    func workspace() -> WorkspaceOptions {
        WorkspaceOptions(
            config: config, profiles: profile, readOnly: readOnly,
            embeddedAsApplication: true, prompt: StandardError.signInPrompt)
    }
}
