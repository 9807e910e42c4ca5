import ArgumentParser
import AuthdeskWorkflows

/// `authdesk methods delete USER METHOD_ID`: one method, found among the user's methods so that
/// the endpoint of its type is used.
struct MethodsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete one of a user's methods, by the id `methods list` shows.",
        usage: "authdesk methods delete USER METHOD_ID [--output table|json|csv] [--profile NAME] [--config FILE] [--read-only]",
        discussion: "The password cannot be deleted (reset it instead). Delete a user's default method last."
    )

    @OptionGroup var change: ChangeOptions

    /// Graph's ids may start with a dash (`-2_GRUg2-HYz6_1YG4YRAQ2`): taken as they are, not as options.
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The method's id, from `authdesk methods list USER` (it may start with -).", valueName: "METHOD_ID"))
    var methodIDs: [String] = []

    func validate() throws {
        guard methodIDs.count == 1, let id = methodIDs.first, !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("give one METHOD_ID, one of the ids `authdesk methods list USER` shows")
        }
    }

    func run() async throws {
        try await change.run { workflow in
            MethodChangeReport.of([(try await workflow.deleteMethod(of: change.user, id: methodIDs.first ?? ""), "deleted")])
        }
    }
}
