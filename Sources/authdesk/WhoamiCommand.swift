import ArgumentParser
import AuthdeskWorkflows

/// `authdesk whoami`: who each profile signs in as and what that sign-in may do.
struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show who you are signed in as, your roles and permissions, and which actions are allowed.",
        discussion: """
            Per profile: provider, endpoints, sign-in kind, the operator (or the application), the directory \
            roles, the permissions in the token, and each action authdesk offers, allowed or refused with the \
            missing permission or role named. Exit 3 when the sign-in fails.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var outputOption: OutputOption

    @Flag(name: .customLong("all-profiles"), help: "Every profile of the configuration, not only the default one.")
    var allProfiles = false

    func run() async throws {
        let profiles = try await Workspace.with(global.workspace()) { workspace in
            try await Whoami.read(all: allProfiles, in: workspace)
        }
        print(WhoamiReport.render(profiles, outputOption.output), terminator: "")
    }
}
