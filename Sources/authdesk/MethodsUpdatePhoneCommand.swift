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
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "An object id or user principal name.")
    var user: String

    @Option(help: ArgumentHelp("The phone's slot.", valueName: "mobile|alternateMobile|office"))
    var type: PhoneType

    @Option(help: ArgumentHelp("+<country code> <number>[x<extension>], e.g. \"+1 2065555555\".", valueName: "NUMBER"))
    var number: String

    func validate() throws {
        _ = try InputCheck.phoneNumber(number)
    }

    func run() async throws {
        let phone = try InputCheck.phoneNumber(number)
        let text = try await ServiceSession.with(global, writes: true) { session in
            let target = try await session.provider.user(user)
            try await session.provider.updatePhone(of: target.id, type: type, number: phone.description)
            let updated = PhoneMethod(id: type.methodID, phoneNumber: phone.description, phoneType: type)
            return MethodChangeReport.of([(.phone(updated), "updated")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
