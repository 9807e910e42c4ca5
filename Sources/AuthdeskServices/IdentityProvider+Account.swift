import AuthdeskCore

/// Honest defaults of the account calls: the account as the user list knows it, and the rest
/// refused as not available for this provider.
extension IdentityProvider {
    /// The user as listed, with the roles the pre-flight reads (or why they could not be read).
    public func accountDetails(of userID: String) async throws(ServiceError) -> AccountDetails {
        let user = try await user(userID)
        let roles: Readable<[String]>
        do throws(ServiceError) {
            let facts = try await targetFacts(of: user.id)
            roles = facts.adminRoles.map { .value($0.map(\.displayName)) } ?? .notAvailable("the service did not tell them")
        } catch {
            roles = .notAvailable(Readable<[String]>.reason(error))
        }
        return AccountDetails(user: user, accountEnabled: user.accountEnabled, synced: user.onPremisesSyncEnabled, roles: roles)
    }

    @discardableResult
    public func setAccountEnabled(of userID: String, enabled: Bool) async throws(ServiceError) -> AccountChangeReceipt {
        throw unsupported(enabled ? "Unblocking sign-in" : "Blocking sign-in")
    }

    public func perUserMfaState(of userID: String) async throws(ServiceError) -> PerUserMfaState {
        throw unsupported("Per-user MFA")
    }

    @discardableResult
    public func setPerUserMfaState(of userID: String, to state: PerUserMfaState) async throws(ServiceError) -> PerUserMfaState {
        throw unsupported("Per-user MFA")
    }
}

extension Readable {
    /// Why a read was refused, in the words the details pane shows: the licence or permission
    /// it lacks, with the service's code, status and request id.
    public static func reason(_ error: ServiceError) -> String {
        var words: String
        switch (error.status, error.code) {
        case (403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant"?):
            words = "the tenant needs a Microsoft Entra ID P1 or P2 licence"
        case (403, _):
            words = "permission: \(error.message)"
        default:
            words = error.message
        }
        var facts: [String] = []
        if let status = error.status { facts.append("HTTP \(status)") }
        if let code = error.code { facts.append(code) }
        if let requestID = error.requestID { facts.append("request id \(requestID)") }
        if !facts.isEmpty { words += "; " + facts.joined(separator: ", ") }
        return words
    }
}
