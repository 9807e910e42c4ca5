import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods list USER`: every authentication method the user has, of every type.
struct MethodsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a user's authentication methods."
    )

    @OptionGroup var read: UserReadOptions

    func run() async throws {
        try await read.show { provider, user in
            CommandReport.methods(try await provider.methods(of: try await provider.user(user).id))
        }
    }
}
