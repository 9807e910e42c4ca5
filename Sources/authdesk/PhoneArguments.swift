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

    /// Runs the change `make` asks of the workflow with these arguments, and prints the phone
    /// it answers with as `result` ("added", "updated").
    func run(
        _ change: ChangeOptions, _ result: String,
        _ make: (ChangeWorkflow, String, PhoneType, PhoneNumber) async throws -> AuthMethod
    ) async throws {
        try await change.run { workflow in
            MethodChangeReport.of([(try await make(workflow, change.user, type, number), result)])
        }
    }
}
