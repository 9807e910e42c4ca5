import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods add-email USER ADDRESS`: the address used for self-service password reset.
struct MethodsAddEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-email",
        abstract: "Add the e-mail address used for self-service password reset (one per user)."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var email: EmailArguments

    func run() async throws {
        let user = change.user, address = email.address
        try await change.run { workflow in
            MethodChangeReport.of([(try await workflow.addEmail(to: user, address: address), "added")])
        }
    }
}
