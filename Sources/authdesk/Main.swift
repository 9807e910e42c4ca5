import ArgumentParser
import AuthdeskCommandLineIO
import AuthdeskServices
import AuthdeskWorkflows
import Foundation

/// Parses the command line, runs the command, and turns every failure into a message on
/// standard error and one of the documented exit statuses (``ExitStatus``).
@main
enum Main {
    static func main() async {
        let arguments = GlobalOptions.hoisted(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try Authdesk.parseAsRoot(arguments)
            // --verbose (before any `--`): each HTTP request on standard error; never in the console.
            if arguments.prefix(while: { $0 != "--" }).contains("--verbose"), !(command is ConsoleCommand) {
                RequestTrace.install { StandardError.write("authdesk: " + $0.line) }
            }
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch let error where ExitStatus.of(error) != nil {
            StandardError.write("authdesk: \(ExitStatus.message(for: error, arguments: arguments))")
            exit(ExitStatus.of(error)?.rawValue ?? 1)
        } catch {
            // The argument parser's own errors: help and version are successes; the rest is bad usage.
            let text = Authdesk.fullMessage(for: error)
            if Authdesk.exitCode(for: error) == .success {
                print(text)
                exit(0)
            }
            FileHandle.standardError.write(Data((text + "\n").utf8))
            exit(ExitStatus.badInput.rawValue)
        }
    }
}
