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
            let added = try await session.provider.addPhone(to: target.id, number: phone.description, type: type)
            return MethodChangeReport.of([(.phone(added), "added")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
