import ArgumentParser

/// `authdesk tap ...`: Temporary Access Passes.
struct TapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tap",
        abstract: "Issue Temporary Access Passes.",
        subcommands: [TapCreateCommand.self]
    )
}
