import AuthdeskCore
import AuthdeskServices

/// Auth0's own actions through the audited wrapper: journalled like every change, a TOTP secret
/// and an enrollment ticket's link cleared from every field of the entry.
extension AuditedProvider {
    public func addMethod(to userID: String, _ request: Auth0MethodRequest) async throws(ServiceError) -> AuthMethod {
        let change = AuditedChange(
            userID: userID, action: "add method", target: request.description, secrets: request.totpSecret.map { [$0] } ?? [])
        return try await audited(change) { () async throws(ServiceError) in try await base.addMethod(to: userID, request) }
    }

    public func replaceAllMethods(of userID: String, with requests: [Auth0MethodRequest]) async throws(ServiceError) -> [AuthMethod] {
        let change = AuditedChange(
            userID: userID, action: "replace all methods", target: requests.map(\.description).joined(separator: ", "),
            secrets: requests.compactMap(\.totpSecret))
        return try await audited(change) { () async throws(ServiceError) in try await base.replaceAllMethods(of: userID, with: requests) }
    }

    public func deleteAllMethods(of userID: String) async throws(ServiceError) {
        let change = AuditedChange(userID: userID, action: "delete all methods")
        try await audited(change) { () async throws(ServiceError) in try await base.deleteAllMethods(of: userID) }
    }

    public func invalidateRememberedBrowsers(of userID: String) async throws(ServiceError) {
        let change = AuditedChange(userID: userID, action: "forget remembered browsers")
        try await audited(change) { () async throws(ServiceError) in try await base.invalidateRememberedBrowsers(of: userID) }
    }

    public func changeMethod(
        _ methodID: String, of userID: String, name: String?, channel: Auth0MethodRequest.Channel?
    ) async throws(ServiceError) -> AuthMethod {
        let what = [name.map { "name \($0)" }, channel.map { "channel \($0.rawValue)" }].compactMap { $0 }.joined(separator: ", ")
        let change = AuditedChange(userID: userID, action: "change method", target: "\(methodID): \(what)")
        return try await audited(change) { () async throws(ServiceError) in
            try await base.changeMethod(methodID, of: userID, name: name, channel: channel)
        }
    }

    public func deleteAllAuthenticators(of userID: String) async throws(ServiceError) {
        let change = AuditedChange(userID: userID, action: "delete MFA enrollments")
        try await audited(change) { () async throws(ServiceError) in try await base.deleteAllAuthenticators(of: userID) }
    }

    public func createEnrollmentTicket(
        for userID: String, _ request: EnrollmentTicketRequest
    ) async throws(ServiceError) -> EnrollmentTicket {
        var target = request.factor.map { "factor \($0.rawValue)" } ?? "any factor"
        if request.sendMail { target += ", e-mailed" + (request.email.map { " to \($0)" } ?? "") }
        let change = AuditedChange(userID: userID, action: "create enrollment ticket", target: target)
        return try await audited(change, { () async throws(ServiceError) in try await base.createEnrollmentTicket(for: userID, request) },
                                 secrets: { [$0.url] })
    }
}
