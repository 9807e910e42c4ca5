import ArgumentParser
import AuthdeskCore
import AuthdeskWorkflows

/// `authdesk users mfa-state USER [--set STATE]`: Graph's legacy per-user MFA state, read or set.
struct UsersMfaStateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mfa-state",
        abstract: "Print or set the user's per-user MFA state (Graph: disabled, enabled, enforced).",
        discussion: "Setting enabled for a user who has registered an MFA method makes it enforced, as the service does."
    )

    @OptionGroup var change: ChangeOptions

    @Option(
        name: .customLong("set"), help: ArgumentHelp("The state to set.", valueName: "disabled|enabled|enforced"),
        transform: { text in try PerUserMfaState.parse(text) })
    var state: PerUserMfaState?

    func run() async throws {
        guard let state else {
            try await change.global.show(change.outputOption) { provider in
                let user = try await provider.user(change.user)
                return AccountReport.mfaState(user, try await provider.perUserMfaState(of: user.id), requested: nil)
            }
            return
        }
        try await change.run { workflow in
            let (user, now) = try await workflow.setPerUserMfaState(of: change.user, to: state)
            return AccountReport.mfaState(user, now, requested: state)
        }
    }
}
