import ArgumentParser
import AuthdeskConsole
import Foundation

/// The console: the default command.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the console (the default command)."
    )

    @OptionGroup var global: GlobalOptions
    /// The ticket for the session's changes; without it the console asks at the first change.
    @OptionGroup var ticket: TicketOption

    @Flag(help: "Draw lines with ASCII characters (the default when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let noColorEnv = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let status = try await ServiceSession.with(global, signInFirst: true) { session in
            let options = ConsoleOptions(
                ascii: ascii, color: !(noColor || noColorEnv), readOnly: session.profile.readOnly,
                auditor: ChangeAudit.auditor(for: session, ticket: ticket.ticket))
            return try await ConsoleApp.run(provider: session.provider, options: options)
        }
        if status != 0 { throw ExitCode(status) }
    }
}
