import ArgumentParser

/// `authdesk journal`: the audit log (the default, `journal list`), its chain check
/// (`journal verify`) and its evidence export (`journal export`).
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Show, verify or export the audit log of changes.",
        subcommands: [JournalListCommand.self, JournalVerifyCommand.self, JournalExportCommand.self, JournalMigrateCommand.self],
        defaultSubcommand: JournalListCommand.self
    )
}
