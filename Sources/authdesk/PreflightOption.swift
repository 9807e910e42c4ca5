import ArgumentParser
import AuthdeskCore
import AuthdeskServices

/// `--force` of the single-user change commands, and the pre-flight they run before sending:
/// a known refusal stops the command (exit 4, nothing sent) unless `--force` is given; a
/// warning is written to standard error and the command goes on.
struct PreflightOption: ParsableArguments {
    @Flag(name: .long, help: "Send even when the pre-flight says the service will refuse (the service decides).")
    var force = false

    /// Checks `action` on `target` through `provider`; throws the refusal unless forced.
    func check(_ action: PreflightAction, on target: DirectoryUser, with provider: any IdentityProvider) async throws {
        let verdict = await Preflight(provider: provider).check(action, userID: target.id)
        switch verdict.level {
        case .clear:
            return
        case .warning:
            StandardError.write("authdesk: pre-flight warning: \(verdict.text)")
        case .refused:
            guard force else {
                throw ServiceError(
                    kind: .forbidden, code: "preflightRefused",
                    message: "Pre-flight: the service will refuse this: \(verdict.text). Nothing was sent; "
                        + "--force sends it anyway")
            }
            StandardError.write("authdesk: pre-flight says the service will refuse this (\(verdict.text)); sending anyway (--force)")
        }
    }
}
