import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskOutput
import AuthdeskServices
import AuthdeskWorkflows

/// The options every command but `sandbox serve` takes: which profile, from which file, and
/// whether writes are allowed.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The profile to use (default: default_profile, or the only one).", valueName: "NAME"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: $XDG_CONFIG_HOME/authdesk/config.toml).", valueName: "FILE"))
    var config: String?

    @Flag(name: .long, help: "Refuse every change: destructive actions are removed and the services refuse writes.")
    var readOnly = false

    @Flag(name: .long, help: "One line per HTTP request on standard error: method, path, status, duration, retries, request ids (never a secret).")
    var verbose = false

    /// What the workflows open for these options.
    func workspace(audit: Bool = false, ticket: String? = nil) -> WorkspaceOptions {
        WorkspaceOptions(
            config: config, profiles: profile.map { [$0] } ?? [], readOnly: readOnly, audit: audit, ticket: ticket,
            prompt: StandardError.signInPrompt)
    }

    /// Opens the default tenant, prints the report `body` makes with its provider, and closes it.
    func show(_ output: OutputOption, _ body: (any IdentityProvider) async throws -> Report) async throws {
        let report = try await Workspace.with(workspace()) { workspace in
            try await body(try await workspace.provider(for: workspace.defaultTenant))
        }
        print(report.render(output.output), terminator: "")
    }
}

extension GlobalOptions {
    /// `authdesk --profile X users search Q` means `authdesk users search Q --profile X`: the
    /// global options written before a subcommand are moved after it, where its parser reads them.
    static func hoisted(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--read-only" || token == "--verbose" || token.hasPrefix("--profile=") || token.hasPrefix("--config=") {
                leading.append(token)
                index += 1
            } else if (token == "--profile" || token == "--config"), index + 1 < arguments.count {
                leading += [token, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        let rest = Array(arguments[index...])
        guard !leading.isEmpty, let first = rest.first, !first.hasPrefix("-") else { return arguments }
        if let separator = rest.firstIndex(of: "--") {
            return Array(rest[..<separator]) + leading + Array(rest[separator...])
        }
        return rest + leading
    }
}
