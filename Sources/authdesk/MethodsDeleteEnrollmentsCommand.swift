import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods delete-enrollments USER`: Auth0 removes every MFA enrollment (Guardian
/// authenticators), so the user enrols again at the next sign-in.
struct MethodsDeleteEnrollmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-enrollments",
        abstract: "Auth0: delete every MFA enrollment (Guardian: push, OTP, SMS, ...); the user enrols again at the next sign-in.",
        discussion: "methods delete-all deletes the authentication methods instead. On Microsoft Graph use reset-mfa."
    )

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        try await change.run { workflow in
            Auth0ActionReport.done(try await workflow.deleteEnrollments(of: change.user), "all MFA enrollments deleted")
        }
    }
}
