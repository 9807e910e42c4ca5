import ArgumentParser

/// `authdesk users ...`: finding users.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Find users.",
        subcommands: [UsersSearchCommand.self]
    )
}
