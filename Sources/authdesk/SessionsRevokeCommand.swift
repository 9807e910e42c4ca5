import ArgumentParser
import AuthdeskOutput

/// `authdesk sessions revoke USER`: signs the user out everywhere.
struct SessionsRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Sign the user out everywhere: refresh tokens and session cookies are revoked."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var ticket: TicketOption
    @OptionGroup var outputOption: OutputOption
    @OptionGroup var preflight: PreflightOption

    @Argument(help: "An object id or user principal name (Graph), or a user id or e-mail (Auth0).")
    var user: String

    func run() async throws {
        let text = try await ServiceSession.changing(global, ticket: ticket) { session in
            let target = try await session.provider.user(user)
            try await preflight.check(.revokeSessions, on: target, with: session.provider)
            try await session.provider.revokeSessions(of: target.id)
            var report = Report(columns: [.init("user", "USER"), .init("id", "ID"), .init("result", "RESULT")])
            report.append([target.principalName, target.id, "sessions revoked"])
            return report.render(outputOption.output)
        }
        print(text, terminator: "")
    }
}
