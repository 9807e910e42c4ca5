import ArgumentParser
import AuthdeskCore

/// `authdesk methods add-phone USER --type TYPE --number NUMBER`: a phone in one of the three slots.
struct MethodsAddPhoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-phone",
        abstract: "Add a phone (one of each type: mobile, alternateMobile, office).",
        discussion: "An alternateMobile needs a mobile first; an office phone is voice only. \(PhoneNumber.formatHint)."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var phone: PhoneArguments
    @OptionGroup var preflight: PreflightOption

    func run() async throws {
        let number = try phone.phoneNumber()
        let user = phone.user, type = phone.type
        let text = try await ServiceSession.changing(global, ticket: ticket) { session in
            let target = try await session.provider.user(user)
            try await preflight.check(.changeMethods, on: target, with: session.provider)
            let added = try await session.provider.addPhone(to: target.id, number: number.description, type: type)
            return MethodChangeReport.of([(.phone(added), "added")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
