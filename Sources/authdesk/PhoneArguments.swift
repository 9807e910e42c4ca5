import ArgumentParser
import AuthdeskCore
import AuthdeskWorkflows

/// `--type TYPE --number NUMBER`, checked before anything starts: shared by the commands
/// that put a number in a phone slot.
struct PhoneArguments: ParsableArguments {
    @Option(help: ArgumentHelp("The phone's slot.", valueName: "mobile|alternateMobile|office"))
    var type: PhoneType

    @Option(
        help: ArgumentHelp("+<country code> <number>[x<extension>], e.g. \"+1 2065555555\".", valueName: "NUMBER"),
        transform: { text in try InputCheck.phoneNumber(text) })
    var number: PhoneNumber
}
