import Foundation

/// Auth0's `POST /api/v2/guardian/enrollments/ticket` (scope `create:guardian_enrollment_tickets`):
/// the body checked as the OpenAPI schema says (`user_id` required, no other property than the
/// schema's, `factor` from its enum), 404 for an unknown user, and the ticket's id and link.
enum Auth0Guardian {
    static let scope = "create:guardian_enrollment_tickets"
    static let properties: Set<String> = ["user_id", "email", "send_mail", "email_locale", "factor", "allow_multiple_enrollments"]
    static let factors = ["push-notification", "phone", "email", "otp", "webauthn-roaming", "webauthn-platform"]

    static func handle(_ request: IncomingRequest, path: [String], token: TokenRecord, state: inout SandboxState) -> HTTPReply {
        guard request.method == "POST", path == ["guardian", "enrollments", "ticket"] else {
            return Auth0Endpoints.error(404, "Not Found", "Not Found: \(request.method) /api/v2/\(path.joined(separator: "/")) is not served by the sandbox.")
        }
        guard token.allows(scope) else {
            return Auth0Endpoints.error(403, "Forbidden", "Insufficient scope, expected any of: \(scope)", code: "insufficient_scope")
        }
        guard let body = request.jsonBody, let members = body.members else {
            return Auth0Methods.invalid("the body must be a JSON object.")
        }
        if let extra = members.first(where: { !properties.contains($0.key) }) {
            return Auth0Methods.invalid("Additional properties not allowed: \(extra.key).")
        }
        guard let userId = body["user_id"]?.stringValue, !userId.isEmpty else {
            return Auth0Methods.invalid("Missing required property: user_id")
        }
        for flag in ["send_mail", "allow_multiple_enrollments"] where body[flag] != nil && body[flag]?.boolValue == nil {
            return Auth0Methods.invalid("'Expected type boolean' on property \(flag).")
        }
        if let factor = body["factor"] {
            guard let name = factor.stringValue, factors.contains(name) else {
                return Auth0Methods.invalid("factor must be one of \(factors.joined(separator: ", ")).")
            }
        }
        if let email = body["email"] {
            guard let address = email.stringValue, GraphWrites.isEmail(address) else {
                return Auth0Methods.invalid("Object didn't pass validation for format email: email.")
            }
        }
        guard state.auth0.users.contains(where: { $0.userId == userId }) else {
            return Auth0Endpoints.error(404, "Not Found", "User not found.", code: "inexistent_user")
        }
        let ticketId = SandboxState.randomString(32)
        return .json(200, .obj([
            "ticket_id": .string(ticketId),
            "ticket_url": .string("\(state.baseURL)/guardian/enroll?ticket=\(ticketId)"),
        ]))
    }
}
