import AuthdeskCore
import AuthdeskServices

/// Auth0's own actions through the one change path (pre-flight, audited provider): enrol a TOTP
/// app or a security key, replace or delete all methods, forget remembered browsers, and an
/// enrollment ticket. Each is refused before anything is sent on a service that lacks it, with
/// what to use there instead.
extension ChangeWorkflow {
    /// Enrols an authenticator app with `secret`, or with one authdesk generates (returned with
    /// its `otpauth://` URI, to be shown once).
    public func addTotp(to reference: String, secret: Secret?, name: String?) async throws -> TotpEnrollment {
        let used = secret ?? TotpSecret.generate()
        let request = Auth0MethodRequest.totp(secret: used, name: name)
        let (user, method) = try await addMethod(to: reference, request)
        let uri = secret == nil ? TotpSecret.uri(secret: used, account: user.principalName, issuer: provider.tenant.domain) : nil
        return TotpEnrollment(user: user, method: method, generatedSecret: secret == nil ? used : nil, uri: uri)
    }

    /// Enrols the method `request` describes (checked before anything is sent).
    public func addMethod(to reference: String, _ request: Auth0MethodRequest) async throws -> (user: DirectoryUser, method: AuthMethod) {
        try offered(.createAuth0Method, "Enrolling a \(request.type) method", instead: "methods add-phone or methods add-email")
        try request.validate()
        let (user, outcome) = try await change(reference) { .addAuth0Method(userID: $0.id, request) }
        return (user, try added(outcome))
    }

    /// Replaces all of the user's methods by `requests` (phone, e-mail and TOTP only).
    public func replaceAllMethods(of reference: String, with requests: [Auth0MethodRequest]) async throws -> (user: DirectoryUser, methods: [AuthMethod]) {
        try offered(.replaceAllMethods, "Replacing all methods", instead: "reset-mfa, then add what the user needs")
        guard !requests.isEmpty else {
            throw UsageError("Replacing all methods needs at least one new method (phone, email or totp); to remove them all, use methods delete-all")
        }
        for request in requests {
            if case .webAuthnRoaming = request {
                throw UsageError("Replacing all methods accepts phone, email and totp methods only; add a security key with methods add --type webauthn-roaming")
            }
            try request.validate()
        }
        let (user, outcome) = try await change(reference) { .replaceAllMethods(userID: $0.id, requests) }
        guard case .replaced(let methods) = outcome else { throw CommandFailure("the service answered with no methods") }
        return (user, methods)
    }

    /// Deletes every authentication method of the user.
    public func deleteAllMethods(of reference: String) async throws -> DirectoryUser {
        try offered(.deleteAllMethods, "Deleting all methods", instead: "reset-mfa --policy all")
        return try await change(reference) { .deleteAllMethods(userID: $0.id) }.user
    }

    /// Forgets every browser the user asked MFA to remember (the user's sessions stay).
    public func forgetBrowsers(of reference: String) async throws -> DirectoryUser {
        try offered(.invalidateRememberedBrowsers, "Forgetting remembered browsers", instead: "sessions revoke")
        return try await change(reference) { .invalidateRememberedBrowsers(userID: $0.id) }.user
    }

    /// Renames the method `methodID` and/or changes a phone's channel; answers with the method.
    public func changeMethod(
        _ methodID: String, of reference: String, name: String?, channel: Auth0MethodRequest.Channel?
    ) async throws -> (user: DirectoryUser, method: AuthMethod) {
        try offered(.updateAuth0Method, "Renaming a method", instead: "methods update-phone or methods update-email")
        guard name != nil || channel != nil else {
            throw UsageError("Nothing to change: give --name (1 to \(Auth0MethodRequest.maxNameLength) characters), --channel sms|voice, or both")
        }
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty || name.count > Auth0MethodRequest.maxNameLength || name.contains(where: \.isNewline) {
            throw UsageError("--name must be 1 to \(Auth0MethodRequest.maxNameLength) characters on one line")
        }
        if channel != nil, !methodID.hasPrefix("phone|") {
            throw UsageError("Only a phone method (phone|...) has a channel (sms or voice); \(methodID) is not one")
        }
        let (user, outcome) = try await change(reference) {
            .changeAuth0Method(userID: $0.id, methodID: methodID, name: name, channel: channel)
        }
        return (user, try added(outcome))
    }

    /// Removes every MFA enrollment (Guardian authenticators: push, OTP, SMS, ...).
    public func deleteEnrollments(of reference: String) async throws -> DirectoryUser {
        try offered(.deleteAllAuthenticators, "Deleting all MFA enrollments", instead: "reset-mfa")
        return try await change(reference) { .deleteEnrollments(userID: $0.id) }.user
    }

    /// An enrollment ticket for the user: its link to be shown once.
    public func createEnrollmentTicket(
        for reference: String, _ request: EnrollmentTicketRequest
    ) async throws -> (user: DirectoryUser, ticket: EnrollmentTicket) {
        try offered(.createEnrollmentTicket, "An enrollment ticket", instead: "tap create (a Temporary Access Pass)")
        try request.validate()
        let (user, outcome) = try await change(reference) { .createEnrollmentTicket(userID: $0.id, request) }
        guard case .ticket(let ticket) = outcome else { throw CommandFailure("the service answered with no ticket") }
        return (user, ticket)
    }

    /// Refuses (exit 2, nothing sent) an action the tenant's service does not offer.
    func offered(_ action: ProviderAction, _ what: String, instead: String) throws {
        guard !provider.capabilities.contains(action) else { return }
        throw UsageError("\(what) is not available for \(provider.tenant.provider.displayName); use \(instead)")
    }
}
