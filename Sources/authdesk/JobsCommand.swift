import ArgumentParser

/// `authdesk jobs`: the bulk jobs of the journal.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, show, resume and approve bulk reset jobs.",
        subcommands: [JobsListCommand.self, JobsShowCommand.self, JobsResumeCommand.self, JobsApproveCommand.self]
    )
}
