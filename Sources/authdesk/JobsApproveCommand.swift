import ArgumentParser
import AuthdeskJournal
import AuthdeskOutput
import AuthdeskWorkflows

/// `authdesk jobs approve ID`: team mode's four eyes. Another operator than the one who asked
/// approves a job awaiting approval (audited); it then runs when anyone runs `jobs resume ID`.
struct JobsApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a bulk job that awaits a second operator (team mode's approval_threshold).",
        discussion: """
            A job of [team] approval_threshold users or more is created awaiting approval, and nothing is sent \
            for it. Another operator approves it here (or on the console's :jobs screen): the approval is \
            audited (who, when, the job, its ticket) and the job becomes planned. It runs when its operator, \
            or anyone, runs 'authdesk jobs resume ID'. Operators are told apart by their local account (USER).

            Exit status: 0 approved (or, with --dry-run, would be); 2 the job does not await approval (its \
            state is named) or does not exist; 4 you asked for the job yourself, or --read-only.
            """)

    /// Accepted as by every command; the journal is local, so no tenant is opened.
    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "The job's id, as 'jobs list' shows it.")
    var id: String

    @Flag(name: .long, help: "Check that you may approve the job, and change nothing.")
    var dryRun = false

    func run() async throws {
        if tenants.readOnly, !dryRun {
            throw WorkflowFailure("Refused: --read-only: an approval lets a job send its changes; drop --read-only", status: .refused)
        }
        let approver = OperatorName.current
        let (job, requester) = try await JournalStore.using(config: tenants.config) { journal in
            let approval = JobApproval(journal: journal)
            let job = dryRun ? try await approval.check(JobID(id), by: approver) : try await approval.approve(JobID(id), by: approver)
            return (job, try await approval.requester(of: job))
        }
        print(JobApproval.report(job, requester: requester, approver: approver, dryRun: dryRun).render(outputOption.output), terminator: "")
    }
}
