import ArgumentParser

/// `authdesk password ...`: users' passwords.
struct PasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Reset users' passwords.",
        subcommands: [PasswordResetCommand.self]
    )
}
