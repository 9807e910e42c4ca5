import ArgumentParser
import AuthdeskWorkflows

/// `authdesk tap create USER`: a Temporary Access Pass, printed once to standard output.
struct TapCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a Temporary Access Pass (replacing the user's current one); the pass is printed once, to standard output.",
        discussion: "Without --lifetime-minutes or --usable-once, the tenant's policy decides."
    )

    @OptionGroup var change: ChangeOptions

    @Option(name: .customLong("lifetime-minutes"), help: ArgumentHelp("How long the pass works: 10 to 43200 minutes (30 days).", valueName: "N"))
    var lifetimeMinutes: Int?

    @Flag(name: .customLong("usable-once"), help: "The pass works for one sign-in only.")
    var usableOnce = false

    @Option(help: ArgumentHelp("When the pass starts working, e.g. 2026-12-01T09:00:00Z (default: now).", valueName: "ISO8601"))
    var start: String?

    func validate() throws {
        _ = try InputCheck.temporaryAccessPass(lifetimeMinutes: lifetimeMinutes, usableOnce: usableOnce, start: start)
    }

    func run() async throws {
        let request = try InputCheck.temporaryAccessPass(lifetimeMinutes: lifetimeMinutes, usableOnce: usableOnce, start: start)
        try await change.run { workflow in
            let (target, issued) = try await workflow.createTemporaryAccessPass(for: change.user, request)
            return CommandReport.pass(issued, for: target)
        }
    }
}
