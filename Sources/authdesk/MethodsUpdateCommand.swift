import ArgumentParser
import AuthdeskServices
import AuthdeskWorkflows

extension Auth0MethodRequest.Channel: ExpressibleByArgument {}

/// `authdesk methods update USER METHOD_ID [--name NAME] [--channel sms|voice]`: Auth0 renames a
/// method and/or changes how a phone receives its codes.
struct MethodsUpdateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Auth0: rename a method and/or change how a phone receives its codes (sms or voice).",
        discussion: "On Microsoft Graph use methods update-phone or methods update-email."
    )

    @OptionGroup var change: ChangeOptions

    @Argument(help: ArgumentHelp("The method's id, from `authdesk methods list USER` (phone|dev_...).", valueName: "METHOD_ID"))
    var methodID: String

    @Option(help: ArgumentHelp("The method's new name (1 to 20 characters).", valueName: "NAME"))
    var name: String?

    @Option(help: ArgumentHelp("A phone's channel: sms or voice.", valueName: "sms|voice"))
    var channel: Auth0MethodRequest.Channel?

    func validate() throws {
        guard name != nil || channel != nil else {
            throw ValidationError("give --name, --channel sms|voice, or both")
        }
    }

    func run() async throws {
        try await change.run { workflow in
            let (_, method) = try await workflow.changeMethod(methodID, of: change.user, name: name, channel: channel)
            return MethodChangeReport.of([(method, "changed")])
        }
    }
}
