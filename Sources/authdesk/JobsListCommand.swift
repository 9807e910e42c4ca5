import ArgumentParser
import AuthdeskJournal
import AuthdeskWorkflows

/// `authdesk jobs list`: every job of the journal, newest first, with how far it got.
struct JobsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the bulk jobs, newest first.")

    /// Accepted as by every command (--config names the configuration, whose [team] table may
    /// name the team's journal); no tenant is opened.
    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption

    func run() async throws {
        let journal = try await JournalStore.open(config: tenants.config)
        print(JobListing.report(try await journal.jobs()).render(outputOption.output), terminator: "")
    }
}
