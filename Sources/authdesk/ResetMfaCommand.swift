import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskCore
import AuthdeskOutput
import AuthdeskWorkflows
import Foundation

/// `authdesk reset-mfa`: plans "reset all MFA" for many users (in one tenant or several), shows
/// the plan, asks for `RESET <count>`, runs it through the journal, and reports each user.
struct ResetMfaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-mfa",
        abstract: "Reset all MFA methods of many users: plan, confirm, run, verify (resumable with 'jobs resume').",
        discussion: """
            To span tenants, prefix a user with a profile name and a colon: fabrikam:ben@fabrikam.com. Users without a \
            prefix are in the first --profile (or the default profile). Every tenant named by a prefix is \
            opened from the configuration; with no configuration, the embedded sandbox's contoso, fabrikam and acme.

            A users file holds one USER (or TENANT:USER) per line, or is a CSV with a header naming a 'user' \
            column; '#' starts a comment; blank lines are ignored.

            Policies: portal (\(ResetPolicy.portal.summary)); all (\(ResetPolicy.all.summary)). Each user's \
            steps run in order: alternate mobile before mobile, the default method last.

            Without --yes the operator must type RESET <count> on the terminal. The job and every step are \
            journalled in the state directory before and after each request; after a crash, \
            'authdesk jobs resume ID' continues it. The results (one row per user) go to standard output.

            Pre-flight: before the plan is shown, each user is checked against the operator's directory \
            role (an Authentication Administrator cannot change an administrator's methods). A user the \
            service is known to refuse is marked WILL BE REFUSED in the plan, left out of the job and the \
            RESET count, reported as refused with the reason, and nothing is sent for them.

            Exit status: 0 every user done; 1 a user failed, was not reached or could not be read; 2 bad usage \
            or not confirmed (nothing was sent); 3 sign-in failed; 4 read-only, or users refused by the \
            pre-flight (and no other failure).
            """
    )

    @OptionGroup var tenants: TenantOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: ArgumentHelp("Users to reset: USER or TENANT:USER.", valueName: "USER"))
    var users: [String] = []

    @Option(name: .long, help: ArgumentHelp("A file of users: one per line, or a CSV with a user column.", valueName: "FILE"))
    var usersFile: String?

    @Option(name: .long, help: ArgumentHelp("portal (as the Entra portal) or all (every method but the password).", valueName: "portal|all"))
    var policy: String = "portal"

    @Flag(name: .long, help: "Show the plan and stop; nothing is sent.")
    var dryRun = false

    @Flag(name: .long, help: "With --dry-run: also show each user's exact requests (method, URL, body with secrets masked).")
    var showRequests = false

    @Flag(name: .long, help: "Run without asking to type RESET <count> (for scripts).")
    var yes = false

    @OptionGroup var concurrency: ConcurrencyOption

    @OptionGroup var ticket: TicketOption
    @OptionGroup var verification: VerificationOptions

    func validate() throws {
        guard users.isEmpty != (usersFile == nil) else {
            throw ValidationError("give the users either as arguments or with --users-file FILE, not both nor neither")
        }
        guard !showRequests || dryRun else {
            throw ValidationError("--show-requests goes with --dry-run: it shows the requests the plan would send, and sends none")
        }
    }

    func run() async throws {
        let policy = try ResetPolicy(parsing: policy)
        let references = try usersFile.map(UsersFile.read) ?? users.map { text throws(UsageError) in try UserReference(parsing: text) }
        let status = try await Workspace.with(tenants.workspace()) { workspace in
            return try await reset(references, policy: policy, workspace: workspace)
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
    }

    func reset(_ references: [UserReference], policy: ResetPolicy, workspace: Workspace) async throws -> ExitStatus {
        if !dryRun { try workspace.refuseReadOnlyJob() }
        let verified = try verification.parsed()
        let named = Set(references.map { $0.tenant ?? workspace.defaultTenant })
        try workspace.requireVerification(verified, in: Array(named), dryRun: dryRun)
        if !dryRun, !yes, isatty(STDIN_FILENO) != 1 {
            throw UsageError("standard input is not a terminal, so RESET <count> cannot be typed; pass --yes to run without asking")
        }
        let workflow = ResetMfaWorkflow(workspace: workspace, perTenantLimit: concurrency.concurrency)
        let status = StatusLine()
        let started = ContinuousClock.now
        let planned = try await workflow.plan(references, policy: policy, in: workspace) { done, total in
            status.redraw(ProgressLine.planning(done: done, total: total, elapsedSeconds: (ContinuousClock.now - started) / .seconds(1)))
        }
        status.finish()
        var report = planned.report
        if showRequests { report.requests = try await workflow.requests(for: planned.result.plan) }
        if dryRun || outputOption.output == .table {
            print(report.render(outputOption.output), terminator: dryRun ? "" : "\n")
            if dryRun { return .success }
        } else if StandardError.isTerminal {
            StandardError.write(planned.report.render(.table))
        }
        let runnable = try ResetMfaWorkflow.runnable(planned.result.plan)
        if !yes, !Confirmation.typed(runnable.confirmationPhrase) {
            throw UsageError("not confirmed (expected '\(runnable.confirmationPhrase)'); nothing was sent")
        }
        let job = try await workflow.createJob(
            planned, runnable: runnable, in: workspace, ticket: ticket.ticket, verification: verified)
        let run = BulkRun(
            workflow: workflow, output: outputOption.output, unreadable: planned.unreadable, refused: planned.result.plan.refused)
        return try await run.run(job)
    }
}
