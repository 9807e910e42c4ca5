import ArgumentParser
import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal
import AuthdeskOutput
import Foundation

/// Runs (or resumes) a journalled job with the engine, shows progress on standard error when it
/// is a terminal, prints each user's outcome on standard output, and gives the exit status:
/// 0 when every user is done, 1 when any failed, was left untouched or could not be read.
struct BulkRun {
    let journal: Journal
    let removers: [String: any MethodRemover]
    let concurrency: Int
    let output: OutputFormat
    /// Users left out of the job at planning (reported with the results).
    var unreadable: [UnreadableUser] = []
    /// Users the pre-flight marked refused: left out of the job, reported with the results.
    var refused: [UserResetPlan] = []

    func run(_ id: JobID, retryFailed: Bool = false) async throws -> ExitStatus {
        let engine: BulkResetEngine
        let stream: AsyncStream<BulkResetEvent>
        do {
            engine = try BulkResetEngine(journal: journal, removers: removers, perTenantLimit: concurrency)
            stream = try await engine.run(id, retryFailed: retryFailed)
        } catch {
            switch error {
            case .journal(let failure): throw StateJournal.fail(failure.description, .someFailed)
            default: throw UsageError(error.description)
            }
        }
        let names = Dictionary(
            ((try? await journal.users(of: id)) ?? []).map { ("\($0.tenant)/\($0.userID)", $0.displayName) },
            uniquingKeysWith: { first, _ in first })
        var progress = BulkProgress(enabled: isatty(STDERR_FILENO) == 1, names: names)
        var journalFailure: String?
        // Ctrl-C (or SIGTERM): no new step starts, the steps in flight finish and are
        // journalled, and the job ends paused, to be resumed with `jobs resume`.
        let watch = SignalWatch.start { _ in
            FileHandle.standardError.write(Data("\nauthdesk: interrupted; letting the requests in flight finish...\n".utf8))
            Task { await engine.suspend() }
        }
        for await event in stream {
            progress.show(event)
            if case .journalFailed(let message) = event { journalFailure = message }
        }
        watch.stop()
        let summary: JobSummary
        do {
            summary = try await journal.summary(of: id)
        } catch {
            throw StateJournal.fail(error.description, .someFailed)
        }
        print(results(summary), terminator: "")
        if let journalFailure {
            throw StateJournal.fail("the journal could not be written, the run stopped: \(journalFailure)", .someFailed)
        }
        if watch.signalCaught != nil, summary.job.state == .paused {
            FileHandle.standardError.write(Data((
                "authdesk: job \(id) is paused; the steps not sent stay pending. "
                    + "Resume it with: authdesk jobs resume \(id)\n").utf8))
            return .interrupted
        }
        let allDone = summary.users.allSatisfy { $0.user.state == .done } && unreadable.isEmpty
        guard allDone else { return .someFailed }
        return refused.isEmpty ? .success : .refused
    }

    /// One row per user: done, failed with the reason (status, code, request id), untouched, or
    /// unreadable; a footer line in table format.
    func results(_ summary: JobSummary) -> String {
        var report = Report(columns: [
            .init("job", "Job"), .init("tenant", "Tenant"), .init("user", "User"), .init("name", "Name"),
            .init("state", "State"), .init("done", "Done"), .init("failed", "Failed"), .init("untouched", "Untouched"),
            .init("kept", "Kept"), .init("reason", "Reason"),
        ])
        for entry in summary.users {
            var reason = entry.user.reason
            if reason == nil, let failure = entry.failures.first { reason = JobSummary.describe(failure) }
            let state = entry.user.state == .waiting ? "untouched" : entry.user.state.rawValue
            report.append([
                summary.job.id.rawValue, entry.user.tenant, entry.user.userID, entry.user.displayName, state,
                String(entry.stepsDone), String(entry.stepsFailed), String(entry.stepsUntouched), String(entry.kept.count),
                reason,
            ])
        }
        for entry in unreadable {
            report.append([
                summary.job.id.rawValue, entry.tenant, entry.user, nil, "unreadable", "0", "0", "0", "0",
                entry.failure.description,
            ])
        }
        for user in refused {
            report.append([
                summary.job.id.rawValue, user.tenant, user.userID, user.displayName, "refused", "0", "0",
                String(user.plan.steps.count), String(user.plan.kept.count),
                "pre-flight, nothing sent: " + (user.plan.refusal ?? ""),
            ])
        }
        var text = report.render(output)
        if output == .table {
            let counts = summary.counts
            text += "\nJob \(summary.job.id): \(summary.job.state.rawValue); \(counts.usersDone) done, \(counts.usersFailed) failed, "
                + "\(counts.usersUntouched + counts.usersInProgress) untouched, \(refused.count) refused by the pre-flight, "
                + "\(unreadable.count) unreadable; "
                + "steps \(counts.stepsDone) done, \(counts.stepsFailed) failed, \(counts.stepsPending + counts.stepsSent) not done\n"
        }
        return text
    }
}
