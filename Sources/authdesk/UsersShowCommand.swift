import ArgumentParser
import AuthdeskWorkflows

/// `authdesk users show USER`: the account around the methods; each fact the tenant refuses to
/// tell is "not available" with the reason, never a failure.
struct UsersShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a user's account: sign-in enabled, synced, roles, per-user MFA, registration, last sign-in (Graph); blocked, brute-force blocks, last login (Auth0)."
    )

    @OptionGroup var read: UserReadOptions

    func run() async throws {
        try await read.show { provider, user in
            AccountReport.details(try await provider.accountDetails(of: user), format: read.outputOption.output)
        }
    }
}
