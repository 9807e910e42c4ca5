import AuthdeskServices

/// Follows an accepted password reset until the operation succeeds or fails, for both front
/// ends: each status change is reported as it comes; the end says how it ended.
public struct PasswordResetFollower: Sendable {
    /// How following ended.
    public enum Ending: Sendable, Equatable {
        /// The operation reached `succeeded` or `failed` (the last update says which and why).
        case final(LongRunningOperation)
        /// The service stopped answering with a final status (the last update, if any).
        case unfinished(LongRunningOperation?)
        /// Polling failed after the last update, if any; the password may already be changed.
        case lost(ServiceError, last: LongRunningOperation?)
    }

    let provider: any IdentityProvider

    public init(provider: any IdentityProvider) {
        self.provider = provider
    }

    /// Polls `reset`'s operation, reporting each update; returns how it ended. A reset the
    /// service applied at once (Auth0: no operation) ends `succeeded` at once.
    public func follow(
        _ reset: PasswordReset, update: @Sendable (LongRunningOperation) -> Void = { _ in }
    ) async -> Ending {
        guard reset.operationURL != nil else {
            return .final(LongRunningOperation(id: "", status: .succeeded))
        }
        var last: LongRunningOperation?
        do {
            for try await operation in provider.operationUpdates(of: reset) {
                last = operation
                update(operation)
            }
        } catch {
            let failure = error as? ServiceError
                ?? ServiceError(kind: .unavailable, message: "Following the password reset failed: \(error)")
            return .lost(failure, last: last)
        }
        if let last, last.status.isFinal { return .final(last) }
        return .unfinished(last)
    }
}
