import ArgumentParser

/// `authdesk jobs`: the bulk jobs of the journal.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, show and resume bulk reset jobs.",
        subcommands: [JobsListCommand.self, JobsShowCommand.self, JobsResumeCommand.self]
    )
}
