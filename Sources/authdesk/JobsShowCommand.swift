import ArgumentParser
import AuthdeskJournal
import AuthdeskWorkflows

/// `authdesk jobs show ID`: a job's users and steps, their states and the reasons of failures.
/// JSON is the whole summary (job, users with their steps and kept methods, counts); CSV the
/// users; the table both users and steps.
struct JobsShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a job's users and steps, their states and reasons.")

    /// Accepted as by every command (--config names the configuration, whose [team] table may
    /// name the team's journal); no tenant is opened.
    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "The job's id, as 'jobs list' shows it.")
    var id: String

    func run() async throws {
        let summary = try await JournalStore.using(config: tenants.config) { try await $0.summary(of: JobID(id)) }
        print(try summary.render(outputOption.output), terminator: "")
    }
}
