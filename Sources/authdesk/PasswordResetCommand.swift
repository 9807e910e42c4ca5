import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskWorkflows

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

    @OptionGroup var change: ChangeOptions

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

    func run() async throws {
        let password = passwordStdin ? try InputCheck.newPassword(SecretInput.readLine(prompt: "New password: ")) : nil
        let outcome = try await change.workflow { workflow in
            try await workflow.resetPassword(of: change.user, to: password, wait: !noWait, progress: StandardError.progress)
        }
        print(CommandReport.passwordReset(outcome).render(change.outputOption.output), terminator: "")
        if let failure = outcome.failure { throw failure }
    }
}
