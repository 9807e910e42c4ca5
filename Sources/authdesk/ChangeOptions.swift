import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskOutput
import AuthdeskWorkflows

/// The options of every command that changes one user (profile, `--ticket`, `--output`,
/// `--force`, `--dry-run`, `--verified-by`), and the one way they run: through the single-change
/// workflow.
struct ChangeOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var trust: TrustOptions

    @Argument(help: "An object id or user principal name (Graph), or a user id or e-mail (Auth0).")
    var user: String

    @Flag(name: .long, help: "Send even when the pre-flight says the service will refuse (the service decides).")
    var force = false

    /// Runs `body` with the workflow of the default tenant (read-only refused first, every
    /// change journalled) and prints the report it returns.
    func run(_ body: (ChangeWorkflow) async throws -> Report) async throws {
        print(try await workflow(body).render(outputOption.output), terminator: "")
    }

    /// Runs `body` with the workflow of the default tenant and returns what it returns (a dry run
    /// prints the requests instead and ends the command).
    func workflow<T>(_ body: (ChangeWorkflow) async throws -> T) async throws -> T {
        try await trust.workflow(global.workspace(ticket: ticket.ticket), force: force, output: outputOption.output, body)
    }
}
