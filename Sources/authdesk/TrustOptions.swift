import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskCore
import AuthdeskOutput
import AuthdeskWorkflows

/// `--dry-run`, `--verified-by` and `--verification-note`: taken by every change command (through
/// ``ChangeOptions``, and by `undo`), and the one way a change runs with them.
struct TrustOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Print the exact requests (method, URL, body with secrets masked) and send nothing.")
    var dryRun = false

    @Option(
        name: .customLong("verified-by"),
        help: ArgumentHelp(
            "How the caller's identity was checked: \(CallerVerification.Method.names) (required when the profile sets require_caller_verification).",
            valueName: "HOW"))
    var verifiedBy: String?

    @Option(name: .customLong("verification-note"), help: ArgumentHelp("A note on the verification (one line).", valueName: "TEXT"))
    var verificationNote: String?

    /// `options` with the caller's verification; a bad one is refused before anything is opened.
    func apply(to options: WorkspaceOptions) throws -> WorkspaceOptions {
        var options = options
        if let verifiedBy {
            options.verification = try CallerVerification(parsing: verifiedBy, note: verificationNote)
        } else if verificationNote != nil {
            throw UsageError("--verification-note goes with --verified-by \(CallerVerification.Method.names)")
        }
        return options
    }

    /// Runs `body` with the single-change workflow of `options`' default tenant and returns what
    /// it returns. A dry run prints the requests instead and ends the command (exit 0).
    func workflow<T>(
        _ options: WorkspaceOptions, force: Bool, output: OutputFormat, _ body: (ChangeWorkflow) async throws -> T
    ) async throws -> T {
        let options = try apply(to: options)
        if dryRun {
            let requests = try await ChangeWorkflow.dryRun(options, force: force, report: StandardError.report) { _ = try await body($0) }
            StandardError.write(DryRunReport.notice(requests))
            print(DryRunReport.report(requests).render(output), terminator: "")
            throw ExitCode.success
        }
        return try await ChangeWorkflow.run(options, force: force, report: StandardError.report, body)
    }
}
