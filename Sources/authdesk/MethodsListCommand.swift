import ArgumentParser
import AuthdeskCore
import AuthdeskOutput

/// `authdesk methods list USER`: every authentication method the user has, of every type.
struct MethodsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List a user's authentication methods."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var outputOption: OutputOption

    @Argument(help: "An object id or user principal name (Graph), or a user id or e-mail (Auth0).")
    var user: String

    func run() async throws {
        let text = try await ServiceSession.with(global) { session in
            let target = try await session.provider.user(user)
            let methods = try await session.provider.methods(of: target.id)
            var report = Report(columns: [
                .init("id", "ID"), .init("kind", "KIND"), .init("title", "METHOD"), .init("summary", "DETAIL"),
            ])
            for method in methods {
                report.append([method.id, method.kind.rawValue, method.title, method.summary])
            }
            return report.render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
