import ArgumentParser

/// `authdesk users ...`: finding users.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Find users; show, block and unblock an account; per-user MFA.",
        subcommands: [
            UsersSearchCommand.self, UsersShowCommand.self, UsersBlockCommand.self, UsersUnblockCommand.self,
            UsersMfaStateCommand.self,
        ]
    )
}
