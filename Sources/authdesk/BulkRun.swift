import AuthdeskCommandLineIO
import AuthdeskCore
import AuthdeskJournal
import AuthdeskOutput
import AuthdeskWorkflows
import Foundation

/// Runs (or resumes) a journalled job through the reset workflow, shows progress on standard
/// error when it is a terminal, prints each user's outcome on standard output, and gives the
/// workflow's exit status.
struct BulkRun {
    let workflow: ResetMfaWorkflow
    let output: OutputFormat
    /// Users left out of the job at planning (reported with the results).
    var unreadable: [UnreadableUser] = []
    /// Users the pre-flight marked refused: left out of the job, reported with the results.
    var refused: [UserResetPlan] = []

    func run(_ id: JobID, retryFailed: Bool = false) async throws -> ExitStatus {
        // Ctrl-C (or SIGTERM): no new step starts, the steps in flight finish and are
        // journalled, and the job ends paused, to be resumed with `jobs resume`.
        let watch = SignalWatch()
        let run = try await workflow.run(id, retryFailed: retryFailed) { control in
            watch.start { _ in
                StandardError.write("\nauthdesk: interrupted; letting the requests in flight finish...")
                Task { await control.suspend() }
            }
        }
        let status = StatusLine()
        var lines = ResetResultLines(run)
        let outcome = try await workflow.finish(
            run, unreadable: unreadable, refused: refused, interrupted: { watch.signalCaught != nil },
            progress: status.message, bar: { status.redraw($0, force: $1) }
        ) { event in
            guard output == .jsonl, let line = lines.line(for: event) else { return }
            FileHandle.standardOutput.write(Data(line.utf8))  // now, not when the buffer fills
        }
        status.finish()
        watch.stop()
        print(outcome.render(output, leavingOut: output == .jsonl ? lines.written : []), terminator: "")
        if let message = outcome.closingMessage { StandardError.write("authdesk: " + message) }
        return outcome.status
    }
}
