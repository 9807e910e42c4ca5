import ArgumentParser
import AuthdeskWorkflows

/// `authdesk sessions forget-browsers USER`: Auth0 forgets the browsers the user asked MFA to
/// remember, so MFA is asked again on each; their sessions stay.
struct SessionsForgetBrowsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget-browsers",
        abstract: "Auth0: forget the browsers the user asked MFA to remember (MFA asked again; sessions stay).",
        discussion: "sessions revoke does this too, and deletes sessions where the plan allows. On Microsoft Graph use sessions revoke."
    )

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        try await change.run { workflow in
            Auth0ActionReport.done(try await workflow.forgetBrowsers(of: change.user), "remembered browsers invalidated")
        }
    }
}
