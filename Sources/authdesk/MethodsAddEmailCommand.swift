import ArgumentParser
import AuthdeskCore

/// `authdesk methods add-email USER ADDRESS`: the address used for self-service password reset.
struct MethodsAddEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-email",
        abstract: "Add the e-mail address used for self-service password reset (one per user)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var email: EmailArguments
    @OptionGroup var preflight: PreflightOption

    func run() async throws {
        let user = email.user, address = email.address
        let text = try await ServiceSession.changing(global, ticket: ticket) { session in
            let target = try await session.provider.user(user)
            try await preflight.check(.changeMethods, on: target, with: session.provider)
            let added = try await session.provider.addEmail(to: target.id, address: address)
            return MethodChangeReport.of([(.email(added), "added")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
