import ArgumentParser

/// `authdesk methods ...`: a user's authentication methods.
struct MethodsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "methods",
        abstract: "Read a user's authentication methods.",
        subcommands: [MethodsListCommand.self]
    )
}
