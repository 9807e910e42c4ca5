import ArgumentParser
import AuthdeskWorkflows

/// `authdesk users block USER`: blocks sign-in (Graph `accountEnabled` false; Auth0 `blocked`).
struct UsersBlockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Block the user's sign-in (Graph: accountEnabled false; Auth0: blocked true)."
    )

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        try await SignInChange.run(change, enabled: false)
    }
}
