import AuthdeskCore

/// Honest defaults of Auth0's own actions on a user's methods: not available for this provider,
/// with what to use instead on Microsoft Graph.
extension IdentityProvider {
    public func addMethod(to userID: String, _ request: Auth0MethodRequest) async throws(ServiceError) -> AuthMethod {
        throw unsupported("Enrolling a \(request.type) method", instead: "add a phone or e-mail with methods add-phone|add-email")
    }

    public func replaceAllMethods(of userID: String, with requests: [Auth0MethodRequest]) async throws(ServiceError) -> [AuthMethod] {
        throw unsupported("Replacing all methods", instead: "use reset-mfa, then add what the user needs")
    }

    public func deleteAllMethods(of userID: String) async throws(ServiceError) {
        throw unsupported("Deleting all methods", instead: "use reset-mfa --policy all")
    }

    public func invalidateRememberedBrowsers(of userID: String) async throws(ServiceError) {
        throw unsupported("Forgetting remembered browsers", instead: "use sessions revoke")
    }

    public func changeMethod(
        _ methodID: String, of userID: String, name: String?, channel: Auth0MethodRequest.Channel?
    ) async throws(ServiceError) -> AuthMethod {
        throw unsupported("Renaming a method", instead: "methods update-phone or methods update-email")
    }

    public func deleteAllAuthenticators(of userID: String) async throws(ServiceError) {
        throw unsupported("Deleting all MFA enrollments", instead: "use reset-mfa")
    }

    public func createEnrollmentTicket(
        for userID: String, _ request: EnrollmentTicketRequest
    ) async throws(ServiceError) -> EnrollmentTicket {
        throw unsupported("An enrollment ticket", instead: "issue a Temporary Access Pass with tap create")
    }

    /// The error of an operation this provider does not offer, naming what to use instead.
    func unsupported(_ what: String, instead: String) -> ServiceError {
        var error = unsupported(what)
        error.message += "; \(instead)"
        return error
    }
}
