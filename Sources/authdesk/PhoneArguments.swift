import ArgumentParser
import AuthdeskCore
import AuthdeskWorkflows

/// `--type TYPE --number NUMBER`, checked before anything starts: shared by the commands
/// that put a number in a phone slot.
struct PhoneArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The phone's slot.", valueName: "mobile|alternateMobile|office"))
    var type: PhoneType

    @Option(help: ArgumentHelp("+<country code> <number>[x<extension>], e.g. \"+1 2065555555\".", valueName: "NUMBER"))
    var number: String

    func validate() throws {
        _ = try InputCheck.phoneNumber(number)
    }

    /// The number, parsed: `validate()` has already accepted it.
    func phoneNumber() throws -> PhoneNumber {
        try InputCheck.phoneNumber(number)
    }
}
