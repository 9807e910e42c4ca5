import ArgumentParser
import AuthdeskCore

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
        try await phone.run(change, "added") { try await $0.addPhone(to: $1, type: $2, number: $3) }
    }
}
