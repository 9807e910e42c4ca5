import ArgumentParser
import AuthdeskWorkflows

/// `authdesk sessions revoke USER`: signs the user out everywhere.
struct SessionsRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Sign the user out everywhere: refresh tokens and session cookies are revoked."
    )

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        try await change.run { workflow in
            CommandReport.sessionsRevoked(try await workflow.change(change.user) { .revokeSessions(userID: $0.id) }.user)
        }
    }
}
