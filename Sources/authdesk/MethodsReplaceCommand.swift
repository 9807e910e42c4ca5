import ArgumentParser
import AuthdeskWorkflows
import Foundation

/// `authdesk methods replace USER --from FILE`: Auth0 replaces all of the user's methods by the
/// phones, e-mail addresses and TOTP secrets of a JSON file.
struct MethodsReplaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replace",
        abstract: "Auth0: replace all of the user's methods by those of a JSON file (phone, email, totp).",
        discussion: #"FILE is a JSON array as Auth0 takes it, e.g. [{"type": "phone", "phone_number": "+14155550123"}, "#
            + #"{"type": "email", "email": "user@example.com"}]; - reads standard input. On Microsoft Graph use reset-mfa."#
    )

    @OptionGroup var change: ChangeOptions

    @Option(help: ArgumentHelp("The JSON file of the new methods (- for standard input).", valueName: "FILE"))
    var from: String

    func run() async throws {
        let requests = try Auth0MethodList.parse(try read())
        try await change.run { workflow in
            let (_, methods) = try await workflow.replaceAllMethods(of: change.user, with: requests)
            return MethodChangeReport.of(methods.map { ($0, "added") })
        }
    }

    func read() throws -> Data {
        if from == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: from) else {
            throw UsageError("--from \(from): no such file (give a JSON file of methods, or - for standard input)")
        }
        return data
    }
}
