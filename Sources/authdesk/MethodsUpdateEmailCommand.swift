import ArgumentParser
import AuthdeskCore
import AuthdeskServices

/// `authdesk methods update-email USER ADDRESS`: a new address for self-service password reset.
struct MethodsUpdateEmailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-email",
        abstract: "Change the e-mail address used for self-service password reset."
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
            try await session.provider.updateEmail(of: target.id, address: address)
            let address = address.trimmingCharacters(in: .whitespaces)
            let updated = EmailMethod(id: GraphProvider.emailMethodID, emailAddress: address)
            return MethodChangeReport.of([(.email(updated), "updated")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
