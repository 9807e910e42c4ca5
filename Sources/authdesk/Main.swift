import ArgumentParser
import AuthdeskConfig
import AuthdeskCore
import AuthdeskServices
import Foundation

/// Parses the command line, runs the command, and turns every failure into a message on
/// standard error and one of the documented exit statuses.
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
        } catch let error where isOurs(error) {
            FileHandle.standardError.write(Data("authdesk: \(message(for: error))\n".utf8))
            exit(ExitStatus.of(error).rawValue)
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

    static func isOurs(_ error: any Error) -> Bool {
        error is ServiceError || error is AuthdeskCore.ValidationError || error is ConfigError || error is UsageError
            || error is CommandFailure
    }

    /// What a refusal by the service (403) means for the operator: the role they need.
    static let roleHint = """
        The signed-in role does not allow this: an Authentication Administrator may change the methods \
        and passwords of users who are not administrators; an administrator's need a Privileged \
        Authentication Administrator. A password reset needs a signed-in operator (sign_in = "device-code"), \
        not an application.
        """

    static func message(for error: any Error) -> String {
        switch error {
        case let error as ServiceError where error.kind == .forbidden && error.code != "preflightRefused":
            error.description + "\n" + roleHint
        case let error as ServiceError: error.description
        case let error as AuthdeskCore.ValidationError: error.description
        case let error as ConfigError: error.description
        case let error as UsageError: error.description
        case let error as CommandFailure: error.description
        default: String(describing: error)
        }
    }
}
