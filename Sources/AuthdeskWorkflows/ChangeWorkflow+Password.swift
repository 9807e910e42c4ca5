import AuthdeskCore
import AuthdeskServices

extension ChangeWorkflow {
    /// Resets the user's password (to `password`, or one the service generates) and, unless
    /// `wait` is false, follows the operation to its end, telling `progress` of each status.
    public func resetPassword(
        of reference: String, to password: String?, wait: Bool = true, progress: @escaping @Sendable (String) -> Void
    ) async throws -> PasswordResetResult {
        let (target, answer) = try await change(reference) { .resetPassword(userID: $0.id, newPassword: password.map(Secret.init)) }
        guard case .reset(let reset) = answer else { throw CommandFailure("the service accepted no password reset") }
        var result = PasswordResetResult(user: target.principalName, newPassword: reset.generatedPassword)
        result.operation = reset.operationURL?.absoluteString
        guard let _ = reset.operationURL else {
            // Applied at once (Auth0): there is no operation to follow.
            result.status = LongRunningOperation.Status.succeeded.rawValue
            return result
        }
        if !wait { return result }
        progress("authdesk: the password reset of \(target.principalName) was accepted; waiting for it")
        let ending = await PasswordResetFollower(provider: provider).follow(reset) { operation in
            progress("authdesk: password reset \(operation.status.rawValue)" + (operation.statusDetail.map { " (\($0))" } ?? ""))
        }
        let last: LongRunningOperation?
        switch ending {
        case .final(let operation): last = operation
        case .unfinished(let operation): last = operation
        case .lost(let error, let operation):
            // The password is already changed: it is printed before the failure is reported.
            last = operation
            result.failure = error
        }
        if let last {
            result.status = last.status.rawValue
            result.statusDetail = last.statusDetail
        }
        if result.failure == nil, result.didFail {
            result.failure = CommandFailure(
                "The password reset of \(result.user) failed: \(result.statusDetail ?? "the service gave no reason")")
        }
        return result
    }
}
