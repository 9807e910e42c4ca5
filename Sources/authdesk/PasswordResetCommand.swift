import ArgumentParser
import AuthdeskCore
import AuthdeskOutput
import AuthdeskServices
import Foundation

/// `authdesk password reset USER`: resets the password (one the service generates, or one read
/// from standard input) and follows the operation until it is done.
struct PasswordResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Reset a user's password and wait until the reset is done.",
        discussion: """
            A generated password is printed once, to standard output, and nowhere else. Each status change \
            goes to standard error when it is a terminal; the final status to standard output. A failed \
            reset exits 1 with the service's reason. Needs a signed-in operator (sign_in = "device-code"); \
            a user synchronized from on-premises needs --password-stdin and password writeback.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var preflight: PreflightOption

    @Argument(help: "An object id or user principal name.")
    var user: String

    @Flag(help: "Let the service generate the password (the default).")
    var generate = false

    @Flag(name: .customLong("password-stdin"), help: "Read the new password from the first line of standard input (never echoed).")
    var passwordStdin = false

    @Flag(name: .customLong("no-wait"), help: "Print the operation's URL and return without waiting for it.")
    var noWait = false

    func validate() throws {
        guard !(generate && passwordStdin) else {
            throw ValidationError("give at most one of --generate (the default) or --password-stdin")
        }
    }

    /// What is printed at the end: one row.
    private struct Outcome {
        var user: String
        var status = "accepted"
        var statusDetail: String?
        var newPassword: String?
        var operation: String?
        var failure: (any Error)?
    }

    func run() async throws {
        var password: String?
        if passwordStdin {
            guard let line = SecretInput.readLine(prompt: "New password: "), !line.isEmpty else {
                throw UsageError(
                    "--password-stdin: standard input held no password; give it as one line of 8 to 256 characters "
                        + "with three of upper case, lower case, digits and symbols")
            }
            password = line
        }
        let outcome = try await ServiceSession.changing(global, ticket: ticket) { session in
            try await reset(session.provider, password: password)
        }
        var report = Report(columns: [
            .init("user", "USER"), .init("status", "STATUS"), .init("statusDetail", "DETAIL"),
            .init("newPassword", "NEW PASSWORD"), .init("operation", "OPERATION"),
        ])
        report.append([outcome.user, outcome.status, outcome.statusDetail, outcome.newPassword, outcome.operation])
        print(report.render(outputOption.output), terminator: "")
        if let failure = outcome.failure { throw failure }
        if outcome.status == LongRunningOperation.Status.failed.rawValue {
            throw CommandFailure(
                "The password reset of \(outcome.user) failed: \(outcome.statusDetail ?? "the service gave no reason")")
        }
    }

    private func reset(_ provider: any IdentityProvider, password: String?) async throws -> Outcome {
        let target = try await provider.user(user)
        try await preflight.check(.resetPassword, on: target, with: provider)
        let reset = try await provider.resetPassword(of: target.id, newPassword: password)
        var outcome = Outcome(user: target.principalName, newPassword: reset.generatedPassword)
        outcome.operation = reset.operationURL?.absoluteString
        if reset.operationURL == nil {
            // Applied at once (Auth0): there is no operation to follow.
            outcome.status = LongRunningOperation.Status.succeeded.rawValue
            return outcome
        }
        if noWait { return outcome }
        StandardError.progress("authdesk: the password reset of \(target.principalName) was accepted; waiting for it")
        do {
            for try await operation in provider.operationUpdates(of: reset) {
                outcome.status = operation.status.rawValue
                outcome.statusDetail = operation.statusDetail
                StandardError.progress(
                    "authdesk: password reset \(operation.status.rawValue)"
                        + (operation.statusDetail.map { " (\($0))" } ?? ""))
            }
        } catch {
            // The password is already changed: it is printed before the failure is reported.
            outcome.failure = error
        }
        return outcome
    }
}
