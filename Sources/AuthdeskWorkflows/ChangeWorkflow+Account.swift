import AuthdeskCore
import AuthdeskServices

/// The account changes, through the one change path (pre-flight, audited provider): block and
/// unblock sign-in, the per-user MFA state, the default method.
extension ChangeWorkflow {
    /// Blocks (`enabled` false) or unblocks sign-in; the receipt says what each request did.
    public func setAccountEnabled(
        of reference: String, enabled: Bool
    ) async throws -> (user: DirectoryUser, receipt: AccountChangeReceipt) {
        let (target, outcome) = try await change(reference) { .setAccountEnabled(userID: $0.id, enabled: enabled) }
        guard case .account(let receipt) = outcome else { throw CommandFailure("the service answered with no account state") }
        return (target, receipt)
    }

    /// Sets the per-user MFA state; answers with the state the service then reports (`enabled`
    /// becomes `enforced` for a user who registered MFA).
    public func setPerUserMfaState(
        of reference: String, to state: PerUserMfaState
    ) async throws -> (user: DirectoryUser, state: PerUserMfaState) {
        let (target, outcome) = try await change(reference) { .setPerUserMfaState(userID: $0.id, state) }
        guard case .mfaState(let now) = outcome else { throw CommandFailure("the service answered with no MFA state") }
        return (target, now)
    }

    /// Makes `method` the user's default second factor. The user must hold a method that can
    /// serve as it: refused before sending otherwise, naming the defaults the user's methods allow.
    public func setDefaultMethod(of reference: String, to method: DefaultMethod) async throws -> DirectoryUser {
        let target = try await user(reference)
        let methods = try await provider.methods(of: target.id)
        let possible = DefaultMethodChoice.possible(for: methods)
        guard possible.contains(method) else {
            let allowed = possible.map(\.rawValue).joined(separator: ", ")
            throw UsageError(
                "\(target.principalName) has no method that can serve as '\(method.rawValue)'; nothing was sent. "
                    + (allowed.isEmpty ? "They have no method that can be a default." : "Their methods allow: \(allowed)."))
        }
        return try await change(target.id) { .setDefaultMethod(userID: $0.id, method) }.user
    }
}
