import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods update-email USER ADDRESS`: a new address for self-service password reset.
struct MethodsUpdateEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-email",
        abstract: "Change the e-mail address used for self-service password reset."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var email: EmailArguments

    func run() async throws {
        let user = change.user, address = email.address
        try await change.run { workflow in
            MethodChangeReport.of([(try await workflow.updateEmail(of: user, address: address), "updated")])
        }
    }
}
