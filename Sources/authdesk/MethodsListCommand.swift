import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods list USER`: every authentication method the user has, of every type.
struct MethodsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a user's authentication methods."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "An object id or user principal name (Graph), or a user id or e-mail (Auth0).")
    var user: String

    func run() async throws {
        try await global.show(outputOption) { provider in
            CommandReport.methods(try await provider.methods(of: try await provider.user(user).id))
        }
    }
}
