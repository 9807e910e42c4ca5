import ArgumentParser

/// `authdesk methods update-email USER ADDRESS`: a new address for self-service password reset.
struct MethodsUpdateEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-email",
        abstract: "Change the e-mail address used for self-service password reset."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var email: EmailArguments

    func run() async throws {
        try await email.run(change, "updated") { try await $0.updateEmail(of: $1, address: $2) }
    }
}
