import ArgumentParser
import AuthdeskJournal

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

    @Argument(help: "The job's id, as 'jobs list' shows it.")
    var id: String

    @Option(name: .long, help: ArgumentHelp("Users worked on at a time in each tenant, 1 to 20.", valueName: "N"))
    var concurrency: Int = 4

    @Flag(name: .long, help: "Also retry the failed steps, and verify the failed users again (a finished job too).")
    var retryFailed = false

    func validate() throws {
        guard (1...20).contains(concurrency) else {
            throw ValidationError("--concurrency \(concurrency) is out of range; use 1 to 20 users at a time per tenant")
        }
    }

    func run() async throws {
        let journal = try StateJournal.open()
        let jobID = JobID(id)
        var names: [String] = []
        do {
            let job = try await journal.job(jobID)
            guard !job.state.isFinal || (retryFailed && job.state == .finished) else {
                throw UsageError(
                    "job \(jobID) is \(job.state.rawValue); only a planned, running or paused job can be resumed"
                        + (job.state == .finished ? ", or a finished one with --retry-failed" : ""))
            }
            for user in try await journal.users(of: jobID) where !names.contains(user.tenant) { names.append(user.tenant) }
        } catch let error as JournalError {
            if case .noSuchJob = error { throw UsageError(error.description) }
            throw StateJournal.fail(error.description, .someFailed)
        }
        var options = tenants
        if options.profile.isEmpty, let first = names.first { options.profile = [first] }
        if options.readOnly { throw UsageError("--read-only: resuming a job sends its remaining changes; drop --read-only") }
        let status = try await TenantSessions.with(options, extra: names) { sessions in
            let run = BulkRun(journal: journal, removers: sessions.removers, concurrency: concurrency, output: outputOption.output)
            return try await run.run(jobID, retryFailed: retryFailed)
        }
        guard status == .success else { throw ExitCode(status.rawValue) }
    }
}
