import AuthdeskCore
import Foundation

/// Auth0's actions on all of a user's methods at once, as the protocol names them: enrol one
/// (TOTP, security key, ...), replace them all, delete them all, forget remembered browsers, and
/// an enrollment ticket (`POST /guardian/enrollments/ticket`) the user opens to enrol by themselves.
extension Auth0Provider {
    public func addMethod(to userID: String, _ request: Auth0MethodRequest) async throws(ServiceError) -> AuthMethod {
        .auth0(try await createMethod(for: userID, request))
    }

    public func replaceAllMethods(of userID: String, with requests: [Auth0MethodRequest]) async throws(ServiceError) -> [AuthMethod] {
        try await replaceMethods(of: userID, with: requests).map(AuthMethod.auth0)
    }

    public func changeMethod(
        _ methodID: String, of userID: String, name: String?, channel: Auth0MethodRequest.Channel?
    ) async throws(ServiceError) -> AuthMethod {
        .auth0(try await updateMethod(methodID, of: userID, name: name, preferred: channel))
    }

    public func createEnrollmentTicket(
        for userID: String, _ request: EnrollmentTicketRequest
    ) async throws(ServiceError) -> EnrollmentTicket {
        let key = try Auth0Provider.userKey(userID)
        guard key.contains("|") else {
            throw ServiceError(kind: .badInput, message: "An enrollment ticket needs the Auth0 user id (auth0|65f2...), not '\(key)'")
        }
        let body = try request.body(userID: key)
        let response = try await client.write(try .json(method: "POST", url: try apiURL(["guardian", "enrollments", "ticket"]), body: body))
        guard let json = JSONValue.parse(response.body), let url = json["ticket_url"]?.string, !url.isEmpty else {
            throw ServiceError(
                kind: .invalidResponse, status: response.status,
                message: "Auth0 made the ticket but its answer carried no ticket_url", requestID: Auth0Provider.requestID(of: response))
        }
        return EnrollmentTicket(ticketID: json["ticket_id"]?.string ?? json["id"]?.string ?? "", url: Secret(url))
    }
}
