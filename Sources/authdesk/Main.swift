import ArgumentParser
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
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let exitCode as ExitCode {
            exit(exitCode.rawValue)
        } catch let error where ExitStatus.of(error) != nil {
            FileHandle.standardError.write(Data("authdesk: \(ExitStatus.message(for: error))\n".utf8))
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
