import ArgumentParser
import AuthdeskCore
import AuthdeskOutput
import Foundation

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
        let text = try await ServiceSession.with(global) { session in
            var users: [DirectoryUser] = []
            var page = try await session.provider.searchUsers(query, pageSize: min(top, 100))
            users += page.users
            while users.count < top, let next = page.next {
                page = try await session.provider.nextUsers(next)
                users += page.users
            }
            var report = Report(columns: [
                .init("id", "ID"), .init("displayName", "NAME"), .init("principalName", "PRINCIPAL NAME"),
                .init("mail", "MAIL"),
            ])
            for user in users.prefix(top) {
                report.append([user.id, user.displayName, user.principalName, user.mail])
            }
            return report.render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
