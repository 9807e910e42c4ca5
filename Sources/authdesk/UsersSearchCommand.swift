import ArgumentParser
import AuthdeskWorkflows

/// `authdesk users search QUERY`: users whose name, principal name or e-mail starts with QUERY.
struct UsersSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find users whose name, principal name or e-mail starts with QUERY."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "The start of a name, user principal name or e-mail address ('' lists everyone).")
    var query: String

    @Option(help: "At most this many users (1 to 1000).")
    var top: Int = 100

    func validate() throws {
        guard (1...1000).contains(top) else { throw ValidationError("--top must be from 1 to 1000, not \(top)") }
    }

    func run() async throws {
        try await global.show(outputOption) { provider in
            CommandReport.users(try await UserSearch.first(top, matching: query, in: provider))
        }
    }
}
