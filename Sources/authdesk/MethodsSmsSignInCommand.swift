import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods sms-sign-in USER --enable | --disable`: SMS sign-in on the mobile phone.
struct MethodsSmsSignInCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms-sign-in",
        abstract: "Turn SMS sign-in on or off for the user's mobile phone; prints the phone's SMS sign-in state after."
    )

    @OptionGroup var change: ChangeOptions

    @Flag(help: "Turn SMS sign-in on.")
    var enable = false

    @Flag(help: "Turn SMS sign-in off.")
    var disable = false

    func validate() throws {
        guard enable != disable else { throw ValidationError("give exactly one of --enable or --disable") }
    }

    func run() async throws {
        try await change.run { workflow in
            MethodChangeReport.of([try await workflow.setSmsSignIn(of: change.user, enabled: enable)])
        }
    }
}
