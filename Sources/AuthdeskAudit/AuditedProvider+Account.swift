import AuthdeskCore
import AuthdeskServices

/// The account calls through the audited wrapper: the read passes through; block, unblock and
/// the per-user MFA state are journalled like every other change.
extension AuditedProvider {
    public func accountDetails(of userID: String) async throws(ServiceError) -> AccountDetails {
        try await base.accountDetails(of: userID)
    }

    public func perUserMfaState(of userID: String) async throws(ServiceError) -> PerUserMfaState {
        try await base.perUserMfaState(of: userID)
    }

    @discardableResult
    public func setAccountEnabled(of userID: String, enabled: Bool) async throws(ServiceError) -> AccountChangeReceipt {
        let change = AuditedChange(userID: userID, action: enabled ? "unblock sign-in" : "block sign-in")
        return try await audited(change) { () async throws(ServiceError) in try await base.setAccountEnabled(of: userID, enabled: enabled) }
    }

    @discardableResult
    public func setPerUserMfaState(of userID: String, to state: PerUserMfaState) async throws(ServiceError) -> PerUserMfaState {
        let change = AuditedChange(userID: userID, action: "set per-user MFA", target: state.rawValue)
        return try await audited(change) { () async throws(ServiceError) in try await base.setPerUserMfaState(of: userID, to: state) }
    }
}
