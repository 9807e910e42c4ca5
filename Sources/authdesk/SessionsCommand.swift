import ArgumentParser

/// `authdesk sessions ...`: a user's sign-in sessions.
struct SessionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "Sign users out.",
        subcommands: [SessionsRevokeCommand.self, SessionsForgetBrowsersCommand.self]
    )
}
