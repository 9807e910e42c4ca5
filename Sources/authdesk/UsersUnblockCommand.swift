import ArgumentParser
import AuthdeskWorkflows

/// `authdesk users unblock USER`: lets the user sign in again; on Auth0 it also lifts the
/// brute-force protection blocks.
struct UsersUnblockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unblock",
        abstract: "Let the user sign in again (Graph: accountEnabled true; Auth0: blocked false and brute-force blocks lifted)."
    )

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        try await SignInChange.run(change, enabled: true)
    }
}
