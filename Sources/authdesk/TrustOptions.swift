import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskOutput
import AuthdeskWorkflows

/// `--dry-run`, `--verified-by` and `--verification-note`: taken by every change command (through
/// ``ChangeOptions``, and by `undo`), and the one way a change runs with them.
struct TrustOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Print the exact requests (method, URL, body with secrets masked) and send nothing.")
    var dryRun = false

    @OptionGroup var verification: VerificationOptions

    /// `options` with the caller's verification; a bad one is refused before anything is opened.
    func apply(to options: WorkspaceOptions) throws -> WorkspaceOptions {
        var options = options
        options.verification = try verification.parsed()
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
