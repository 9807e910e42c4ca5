import AuthdeskBulkReset
import AuthdeskCore
import AuthdeskJournal

/// How a run of a reset job ended, for the results both front ends show and the exit status:
/// the journal's summary, the users left out at planning (unreadable, refused by the
/// pre-flight), and whether the run stopped early.
public struct ResetOutcome: Sendable {
    public var summary: JobSummary
    /// Users left out of the job at planning because they could not be read.
    public var unreadable: [UnreadableUser]
    /// Users the pre-flight marked refused: left out of the job, nothing sent for them.
    public var refused: [UserResetPlan]
    /// The journal could not be written, so the engine stopped sending.
    public var journalFailure: String?
    /// Ctrl-C or SIGTERM stopped the run and the job is paused, to be resumed.
    public var interrupted: Bool

    /// What the front end says after the results: the journal failed, or how to resume.
    public var closingMessage: String? {
        if let journalFailure { return "the journal could not be written, the run stopped: \(journalFailure)" }
        guard interrupted else { return nil }
        let id = summary.job.id
        return "job \(id) is paused; the steps not sent stay pending. Resume it with: authdesk jobs resume \(id)"
    }

    /// 0 every user done; 130 interrupted (paused); 1 a user failed, was not reached or could
    /// not be read, or the journal failed; 4 users refused by the pre-flight and no other failure.
    public var status: ExitStatus {
        if journalFailure != nil { return .someFailed }
        if interrupted { return .interrupted }
        let allDone = summary.users.allSatisfy { $0.user.state == .done } && unreadable.isEmpty
        guard allDone else { return .someFailed }
        return refused.isEmpty ? .success : .refused
    }
}

extension ResetMfaWorkflow {
    /// Follows `run` to its end, reporting each event (and a progress line for it to
    /// `progress`, and the status line of ``ProgressLine/running(_:)`` to `bar`, which is told to
    /// draw it at once when a wait for the service's limits begins or ends: nothing else may
    /// happen while it lasts), and reads
    /// the job's outcome. `interrupted`: asked at the end whether a signal stopped the run.
    public func finish(
        _ run: ResetRun, unreadable: [UnreadableUser] = [], refused: [UserResetPlan] = [],
        interrupted: @Sendable () -> Bool = { false }, progress: ((String) -> Void)? = nil,
        bar: ((_ line: String, _ now: Bool) -> Void)? = nil, report: (BulkResetEvent) -> Void = { _ in }
    ) async throws -> ResetOutcome {
        var journalFailure: String?
        var log = progress != nil || bar != nil ? ResetProgressLog(run, write: progress ?? { _ in }) : nil
        for await update in run.updates() {
            switch update {
            case .wait(let wait):
                log?.show(wait)
                if let bar, let log { bar(ProgressLine.running(log.progress), true) }
            case .engine(let event):
                log?.show(event)
                if let bar, let log { bar(ProgressLine.running(log.progress), false) }
                report(event)
                if case .journalFailed(let message) = event { journalFailure = message }
            }
        }
        let summary: JobSummary
        do {
            summary = try await self.summary(of: run.jobID)
        } catch {
            throw WorkflowFailure("\(error)", status: .someFailed)
        }
        return ResetOutcome(
            summary: summary, unreadable: unreadable, refused: refused, journalFailure: journalFailure,
            interrupted: interrupted() && summary.job.state == .paused)
    }
}
