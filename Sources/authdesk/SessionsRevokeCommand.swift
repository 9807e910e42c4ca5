import ArgumentParser
import AuthdeskWorkflows

/// `authdesk sessions revoke USER`: signs the user out everywhere.
struct SessionsRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Sign the user out: Graph revokes refresh tokens and session cookies; Auth0 invalidates remembered browsers and deletes sessions where the plan allows (the result says which)."
    )

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        try await change.run { workflow in
            let (user, revocation) = try await workflow.revokeSessions(of: change.user)
            return CommandReport.sessionsRevoked(user, revocation)
        }
    }
}
