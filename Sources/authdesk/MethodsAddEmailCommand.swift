import ArgumentParser

/// `authdesk methods add-email USER ADDRESS`: the address used for self-service password reset.
struct MethodsAddEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-email",
        abstract: "Add the e-mail address used for self-service password reset (one per user)."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var email: EmailArguments

    func run() async throws {
        try await email.run(change, "added") { try await $0.addEmail(to: $1, address: $2) }
    }
}
