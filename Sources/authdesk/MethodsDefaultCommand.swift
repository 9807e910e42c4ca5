import ArgumentParser
import AuthdeskServices
import AuthdeskWorkflows

/// `authdesk methods default USER --method NAME`: the user's default second factor (Graph beta
/// signInPreferences); the user must hold a method that can serve as it.
struct MethodsDefaultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default",
        abstract: "Set the user's default MFA method (instead of deleting the current one)."
    )

    @OptionGroup var change: ChangeOptions

    @Option(
        help: ArgumentHelp("The default method.", valueName: "push|oath|sms|voiceMobile|voiceAlternateMobile|voiceOffice"),
        transform: { text in try DefaultMethodChoice.parse(text) })
    var method: DefaultMethod

    func run() async throws {
        try await change.run { workflow in
            AccountReport.defaultMethod(try await workflow.setDefaultMethod(of: change.user, to: method), method)
        }
    }
}
