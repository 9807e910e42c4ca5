import ArgumentParser
import AuthdeskCore

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
        try await phone.run(change, "updated") { try await $0.updatePhone(of: $1, type: $2, number: $3) }
    }
}
