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
        let jobs = try await JournalStore.using(config: tenants.config) { try await $0.jobs() }
        print(JobListing.report(jobs).render(outputOption.output), terminator: "")
    }
}
