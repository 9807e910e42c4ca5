import ArgumentParser
import AuthdeskCore

/// `authdesk methods update-phone USER --type TYPE --number NUMBER`: a new number in a slot.
struct MethodsUpdatePhoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-phone",
        abstract: "Change the number of the user's phone of a type (the type itself cannot change).",
        discussion: PhoneNumber.formatHint + "."
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
            try await session.provider.updatePhone(of: target.id, type: type, number: number.description)
            let updated = PhoneMethod(id: type.methodID, phoneNumber: number.description, phoneType: type)
            return MethodChangeReport.of([(.phone(updated), "updated")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
