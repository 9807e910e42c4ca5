import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods delete-all USER`: Auth0 deletes every authentication method of the user.
struct MethodsDeleteAllCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-all",
        abstract: "Auth0: delete every authentication method of the user (they enrol again at the next sign-in).",
        discussion: "On Microsoft Graph use reset-mfa --policy all."
    )

    @OptionGroup var change: ChangeOptions

    func run() async throws {
        try await change.run { workflow in
            Auth0ActionReport.done(try await workflow.deleteAllMethods(of: change.user), "all methods deleted")
        }
    }
}
