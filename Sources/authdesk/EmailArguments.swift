import ArgumentParser
import AuthdeskCore
import AuthdeskWorkflows

/// `ADDRESS`, the address checked before anything starts: shared by the e-mail commands.
struct EmailArguments: ParsableArguments {
    @Argument(help: "name@domain.tld")
    var address: String

    func validate() throws {
        try InputCheck.emailAddress(address)
    }

    /// Runs the change `make` asks of the workflow with this address, and prints the method it
    /// answers with as `result` ("added", "updated").
    func run(
        _ change: ChangeOptions, _ result: String, _ make: (ChangeWorkflow, String, String) async throws -> AuthMethod
    ) async throws {
        try await change.run { workflow in
            MethodChangeReport.of([(try await make(workflow, change.user, address), result)])
        }
    }
}
