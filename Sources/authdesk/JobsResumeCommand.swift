import ArgumentParser
import AuthdeskJournal
import AuthdeskWorkflows

/// `authdesk jobs resume ID`: continues a job from the journal (steps left pending, and those
/// sent without an answer, which are sent again; nothing done is sent twice), with the same
/// progress, results and exit status as `reset-mfa`.
struct JobsResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue a job from the journal: nothing done twice, nothing skipped.",
        discussion: "The job's tenants are opened by their profile names (as when it was started).")

    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var concurrency: ConcurrencyOption

    @Argument(help: "The job's id, as 'jobs list' shows it.")
    var id: String

    @Flag(name: .long, help: "Also retry the failed steps, and verify the failed users again (a finished job too).")
    var retryFailed = false

    func run() async throws {
        if tenants.readOnly { throw UsageError("--read-only: resuming a job sends its remaining changes; drop --read-only") }
        let jobID = JobID(id)
        let status = try await Workspace.resuming(jobID, retryFailed: retryFailed, tenants.workspace()) { workspace, journal in
            let workflow = ResetMfaWorkflow(workspace: workspace, perTenantLimit: concurrency.concurrency, journal: journal)
            return try await BulkRun(workflow: workflow, output: outputOption.output).run(jobID, retryFailed: retryFailed)
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
    }
}
