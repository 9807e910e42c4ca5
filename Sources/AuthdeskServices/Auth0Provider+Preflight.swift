import AuthdeskCore

/// The pre-flight on Auth0: the Management API does not tell the operator's role, and its
/// users have no administrator notion nor on-premises sync.
extension Auth0Provider {
    public func operatorProfile() async throws(ServiceError) -> OperatorProfile {
        .notTold(by: "Auth0")
    }

    public func targetFacts(of userID: String) async throws(ServiceError) -> TargetFacts {
        let user = try await user(userID)
        return TargetFacts(userID: user.id, displayName: user.displayName, adminRoles: [], syncedFromOnPremises: false)
    }
}
