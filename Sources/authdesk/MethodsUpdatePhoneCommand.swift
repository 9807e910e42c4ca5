import ArgumentParser
import AuthdeskCore
import AuthdeskWorkflows

/// `authdesk methods update-phone USER --type TYPE --number NUMBER`: a new number in a slot.
struct MethodsUpdatePhoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-phone",
        abstract: "Change the number of the user's phone of a type (the type itself cannot change).",
        discussion: PhoneNumber.formatHint + "."
    )

    @OptionGroup var change: ChangeOptions
    @OptionGroup var phone: PhoneArguments

    func run() async throws {
        let user = change.user, type = phone.type, number = phone.number
        try await change.run { workflow in
            MethodChangeReport.of([(try await workflow.updatePhone(of: user, type: type, number: number), "updated")])
        }
    }
}
