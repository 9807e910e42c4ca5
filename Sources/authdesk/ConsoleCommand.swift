import ArgumentParser
import AuthdeskConsole
import AuthdeskWorkflows
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
        StartTrace.mark("command started")
        let environment = ProcessInfo.processInfo.environment
        // Before anything starts or signs in: a terminal that cannot address the cursor is refused.
        try TerminalRequirement.check(term: environment["TERM"])
        let options = ConsoleOptions(ascii: ascii, noColor: noColor, readOnly: global.readOnly, auditor: nil, environment: environment)
        let status = try await ConsoleApp.run(opening: global.workspace(audit: true, ticket: ticket.ticket), options: options)
        if status != 0 { throw ExitCode(status) }
    }
}
