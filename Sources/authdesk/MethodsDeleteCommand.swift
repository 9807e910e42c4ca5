import ArgumentParser
import AuthdeskCore

/// `authdesk methods delete USER METHOD_ID`: one method, found among the user's methods so that
/// the endpoint of its type is used.
struct MethodsDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete one of a user's methods, by the id `methods list` shows.",
        usage: "authdesk methods delete USER METHOD_ID [--output table|json|csv] [--profile NAME] [--config FILE] [--read-only]",
        discussion: "The password cannot be deleted (reset it instead). Delete a user's default method last."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var preflight: PreflightOption

    @Argument(help: "An object id or user principal name.")
    var user: String

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
        let wanted = (methodIDs.first ?? "").trimmingCharacters(in: .whitespaces)
        let text = try await ServiceSession.changing(global, ticket: ticket) { session in
            let target = try await session.provider.user(user)
            try await preflight.check(.changeMethods, on: target, with: session.provider)
            let methods = try await session.provider.methods(of: target.id)
            guard let method = methods.first(where: { $0.id.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                let known = methods.map { "  \($0.id)  \($0.kind.rawValue)  \($0.title)" }.joined(separator: "\n")
                throw UsageError(
                    "\(target.principalName) has no method with the id \(wanted); nothing was changed. Their methods:\n"
                        + (known.isEmpty ? "  (none)" : known))
            }
            try await session.provider.deleteMethod(method, of: target.id)
            return MethodChangeReport.of([(method, "deleted")]).render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
