import AuthdeskCore
import AuthdeskServices

/// The account calls through the audited wrapper: the read passes through; block, unblock and
/// the per-user MFA state are journalled like every other change, with the state they replace
/// (``AccountStateBefore``) read just before, so that they can be undone.
extension AuditedProvider {
    public func accountDetails(of userID: String) async throws(ServiceError) -> AccountDetails {
        try await base.accountDetails(of: userID)
    }

    public func perUserMfaState(of userID: String) async throws(ServiceError) -> PerUserMfaState {
        try await base.perUserMfaState(of: userID)
    }

    @discardableResult
    public func setAccountEnabled(of userID: String, enabled: Bool) async throws(ServiceError) -> AccountChangeReceipt {
        var change = AuditedChange(userID: userID, action: enabled ? "unblock sign-in" : "block sign-in")
        change.stateBefore = await signInEnabled(userID).map { .signIn(enabled: $0) }
        return try await audited(change) { () async throws(ServiceError) in try await base.setAccountEnabled(of: userID, enabled: enabled) }
    }

    @discardableResult
    public func setPerUserMfaState(of userID: String, to state: PerUserMfaState) async throws(ServiceError) -> PerUserMfaState {
        var change = AuditedChange(userID: userID, action: "set per-user MFA", target: state.rawValue)
        change.stateBefore = (try? await base.perUserMfaState(of: userID)).map { .perUserMfa($0) }
        return try await audited(change) { () async throws(ServiceError) in try await base.setPerUserMfaState(of: userID, to: state) }
    }

    /// Whether the user can sign in now (nil when it cannot be read: the change goes on). Auth0
    /// leaves `blocked` out of a user never blocked.
    private func signInEnabled(_ userID: String) async -> Bool? {
        guard let user = try? await base.user(userID) else { return nil }
        return user.accountEnabled ?? (tenant.provider == .auth0 ? true : nil)
    }
}
