import ArgumentParser
import AuthdeskCore
import AuthdeskWorkflows

/// `authdesk methods add-phone USER --type TYPE --number NUMBER`: a phone in one of the three slots.
struct MethodsAddPhoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-phone",
        abstract: "Add a phone (one of each type: mobile, alternateMobile, office).",
        discussion: "An alternateMobile needs a mobile first; an office phone is voice only. \(PhoneNumber.formatHint)."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var phone: PhoneArguments

    func run() async throws {
        let user = change.user, type = phone.type, number = phone.number
        try await change.run { workflow in
            MethodChangeReport.of([(try await workflow.addPhone(to: user, type: type, number: number), "added")])
        }
    }
}
