import AuthdeskCore
import Foundation

/// The Graph provider's account calls: the user's `accountEnabled`, directory roles, per-user MFA
/// state (beta `authentication/requirements`), registration details (the reports API, which
/// needs `AuditLog.Read.All` and a P1/P2 licence) and last sign-in (`signInActivity`, the same);
/// blocking and unblocking sign-in; setting the per-user MFA state.
extension GraphProvider {
    public func accountDetails(of userID: String) async throws(ServiceError) -> AccountDetails {
        let user = try await user(userID)
        let id = user.id
        async let roles = Self.readable { () async throws(ServiceError) in
            try await directoryRoles(["users", id, "transitiveMemberOf"]).map(\.displayName)
        }
        async let mfa = Self.readable { () async throws(ServiceError) in try await perUserMfaState(of: id) }
        async let registration = Self.readable { () async throws(ServiceError) in try await registrationDetails(of: id) }
        async let signIn = Self.readable { () async throws(ServiceError) in try await lastSignIn(of: id) }
        return AccountDetails(
            user: user, accountEnabled: user.accountEnabled, synced: user.onPremisesSyncEnabled ?? false,
            roles: await roles, perUserMfaState: await mfa, registration: await registration, lastSignIn: await signIn)
    }

    /// `GET /reports/authenticationMethods/userRegistrationDetails/{id}`.
    public func registrationDetails(of userID: String) async throws(ServiceError) -> RegistrationDetails {
        let key = try GraphProvider.userKey(userID)
        let json = try await client.getJSON(try graphURL(["reports", "authenticationMethods", "userRegistrationDetails", key]))
        return RegistrationDetails(
            isMfaRegistered: json["isMfaRegistered"]?.bool, isMfaCapable: json["isMfaCapable"]?.bool,
            isPasswordlessCapable: json["isPasswordlessCapable"]?.bool, isSsprRegistered: json["isSsprRegistered"]?.bool,
            methodsRegistered: json["methodsRegistered"]?.array?.compactMap(\.string) ?? [],
            defaultMfaMethod: json["defaultMfaMethod"]?.string,
            userPreferredMethod: json["userPreferredMethodForSecondaryAuthentication"]?.string,
            lastUpdated: json["lastUpdatedDateTime"]?.date)
    }

    /// `GET /users/{id}?$select=signInActivity`: the last interactive sign-in (nil: never).
    public func lastSignIn(of userID: String) async throws(ServiceError) -> Date? {
        let key = try GraphProvider.userKey(userID)
        let json = try await client.getJSON(try graphURL(["users", key], query: [("$select", "id,signInActivity")]))
        return json["signInActivity"]?["lastSignInDateTime"]?.date
    }

    public func perUserMfaState(of userID: String) async throws(ServiceError) -> PerUserMfaState {
        let json = try await client.getJSON(try requirementsURL(userID))
        guard let raw = json["perUserMfaState"]?.string, let state = PerUserMfaState(rawValue: raw) else {
            throw ServiceError(kind: .invalidResponse, message: "Graph answered the MFA requirements without a known perUserMfaState")
        }
        return state
    }

    @discardableResult
    public func setPerUserMfaState(of userID: String, to state: PerUserMfaState) async throws(ServiceError) -> PerUserMfaState {
        struct Body: Encodable { let perUserMfaState: String }
        _ = try await client.write(.json(method: "PATCH", url: try requirementsURL(userID), body: Body(perUserMfaState: state.rawValue)))
        return (try? await perUserMfaState(of: userID)) ?? state
    }

    @discardableResult
    public func setAccountEnabled(of userID: String, enabled: Bool) async throws(ServiceError) -> AccountChangeReceipt {
        let key = try GraphProvider.userKey(userID)
        struct Body: Encodable { let accountEnabled: Bool }
        _ = try await client.write(.json(method: "PATCH", url: try graphURL(["users", key]), body: Body(accountEnabled: enabled)))
        return AccountChangeReceipt(accountEnabled: enabled, steps: ["accountEnabled set to \(enabled)"])
    }

    func requirementsURL(_ userID: String) throws(ServiceError) -> URL {
        let key = try GraphProvider.userKey(userID)
        guard let url = GraphEndpoints.url(endpoints.graphBeta, ["users", key, "authentication", "requirements"]) else {
            throw ServiceError(kind: .badInput, message: "The user id cannot be put in a URL")
        }
        return url
    }

    /// The value `body` reads, or "not available" with the reason it was refused.
    static func readable<T: Sendable & Equatable>(_ body: () async throws(ServiceError) -> T) async -> Readable<T> {
        do throws(ServiceError) {
            return .value(try await body())
        } catch {
            return .notAvailable(Readable<T>.reason(error))
        }
    }
}
