import Foundation

/// Auth0: `POST /oauth/token` (client credentials) and the Management API under `/api/v2`:
/// user search, users by e-mail, password change, and the authentication-methods endpoints,
/// with Auth0's error bodies and `x-ratelimit-*` headers on every answer.
enum Auth0Endpoints {
    static let tokenLifetime = 86400
    static let scopes = [
        "read:users", "update:users", "read:authentication_methods", "create:authentication_methods",
        "update:authentication_methods", "delete:authentication_methods", "delete:guardian_enrollments", "delete:sessions",
        "create:guardian_enrollment_tickets",
    ]
    static let maximumMethods = 20

    static func error(_ status: Int, _ error: String, _ message: String, code: String? = nil) -> HTTPReply {
        var body = JSON.obj(["statusCode": .int(status), "error": .string(error), "message": .string(message)])
        if let code { body.set("errorCode", .string(code)) }
        return .json(status, body)
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    // MARK: Token

    static func token(_ request: IncomingRequest, state: inout SandboxState, now: Date) -> HTTPReply {
        guard request.method == "POST" else {
            return .json(404, .obj(["error": .string("not_found"), "error_description": .string("Use POST /oauth/token.")]))
        }
        var fields: [String: String] = [:]
        if request.header("content-type")?.lowercased().hasPrefix("application/json") == true {
            guard let json = request.jsonBody, let members = json.members else {
                return .json(400, .obj(["error": .string("invalid_request"), "error_description": .string("The body must be a JSON object or a form.")]))
            }
            for member in members {
                if let value = member.value.stringValue { fields[member.key] = value }
            }
        } else {
            fields = request.formFields
        }
        guard fields["grant_type"] == "client_credentials" else {
            return .json(403, .obj(["error": .string("unauthorized_client"),
                                    "error_description": .string("Grant type '\(fields["grant_type"] ?? "")' not allowed for the client: use client_credentials.")]))
        }
        guard fields["client_id"] == state.auth0.clientId, fields["client_secret"] == state.auth0.clientSecret else {
            return .json(401, .obj(["error": .string("access_denied"), "error_description": .string("Unauthorized")]))
        }
        let audience = fields["audience"] ?? ""
        guard audience.hasSuffix("/api/v2/") || audience.hasSuffix("/api/v2") else {
            return .json(403, .obj(["error": .string("access_denied"),
                                    "error_description": .string("Service not enabled within domain: \(audience). Use audience https://{domain}/api/v2/.")]))
        }
        // A `scope` parameter asks for fewer of the grant's scopes (unknown ones are dropped).
        let granted = fields["scope"].map { asked in scopes.filter(asked.split(separator: " ").map(String.init).contains) } ?? scopes
        let record = TokenRecord(audience: .auth0, clientId: state.auth0.clientId, userId: nil,
                                 permissions: Set(granted), expiresAt: now.addingTimeInterval(Double(tokenLifetime)))
        let iat = Int(now.timeIntervalSince1970)
        let token = EntraEndpoints.unsignedJWT(.obj([
            "iss": .string("\(state.baseURL)/"), "sub": .string("\(state.auth0.clientId)@clients"),
            "aud": .string(audience), "iat": .int(iat), "exp": .int(iat + tokenLifetime),
            "scope": .string(granted.joined(separator: " ")), "gty": .string("client-credentials"),
            "azp": .string(state.auth0.clientId),
        ]))
        state.tokens[token] = record
        return .json(200, .obj([
            "access_token": .string(token),
            "scope": .string(granted.joined(separator: " ")),
            "expires_in": .int(tokenLifetime),
            "token_type": .string("Bearer"),
        ]))
    }

    // MARK: Management API

    static func handle(_ request: IncomingRequest, state: inout SandboxState, now: Date) -> HTTPReply {
        var reply = route(request, state: &state, now: now)
        if reply.status != 429 || reply.header("x-ratelimit-limit") == nil {
            let key = "auth0|\(state.auth0.clientId)"
            var bucket = state.writeBuckets[key] ?? limiter(state, now: now)
            let remaining = bucket.remaining(now: now)
            state.writeBuckets[key] = bucket
            reply.setHeader("x-ratelimit-limit", String(state.options.auth0RateLimit))
            reply.setHeader("x-ratelimit-remaining", String(remaining))
            reply.setHeader("x-ratelimit-reset", String(Int(bucket.fullAt().timeIntervalSince1970.rounded(.up))))
        }
        return reply
    }

    static func limiter(_ state: SandboxState, now: Date) -> TokenBucket {
        TokenBucket(capacity: Double(max(1, state.options.auth0RateLimit)), period: 1, now: now)
    }

    static func route(_ request: IncomingRequest, state: inout SandboxState, now: Date) -> HTTPReply {
        guard let bearer = request.bearerToken else {
            return error(401, "Unauthorized", "Missing authentication")
        }
        guard let token = state.tokens[bearer], token.audience == .auth0 else {
            return error(401, "Unauthorized", "Invalid token")
        }
        guard token.expiresAt > now else {
            return error(401, "Unauthorized", "Expired token received for JSON Web Token validation")
        }
        if state.options.throttling {
            let key = "auth0|\(state.auth0.clientId)"
            var bucket = state.writeBuckets[key] ?? limiter(state, now: now)
            let wait = bucket.take(now: now)
            state.writeBuckets[key] = bucket
            if wait != nil {
                var reply = error(429, "Too Many Requests", "Global limit has been reached", code: "too_many_requests")
                reply.setHeader("x-ratelimit-limit", String(state.options.auth0RateLimit))
                reply.setHeader("x-ratelimit-remaining", "0")
                reply.setHeader("x-ratelimit-reset", String(Int(bucket.fullAt().timeIntervalSince1970.rounded(.up))))
                return reply
            }
        }
        let path = Array(request.segments.dropFirst(2))
        let method = request.method
        func need(_ scope: String) -> HTTPReply? {
            token.allows(scope) ? nil : error(403, "Forbidden", "Insufficient scope, expected any of: \(scope)", code: "insufficient_scope")
        }
        switch (method, path.count, path.first) {
        case ("GET", 1, "users"):
            return need("read:users") ?? searchUsers(request, state: state)
        case ("GET", 1, "users-by-email"):
            return need("read:users") ?? usersByEmail(request, state: state)
        default:
            break
        }
        if path.first == "guardian" {
            return Auth0Guardian.handle(request, path: path, token: token, state: &state)
        }
        if path.first == "user-blocks" {
            return Auth0UserBlocks.handle(request, path: path, token: token, state: &state)
        }
        guard path.first == "users", path.count >= 2 else {
            return error(404, "Not Found", "Not Found: \(method) /api/v2/\(path.joined(separator: "/")) is not served by the sandbox.")
        }
        guard let userIndex = state.auth0.users.firstIndex(where: { $0.userId == path[1] }) else {
            return error(404, "Not Found", "The user does not exist.", code: "inexistent_user")
        }
        let rest = Array(path.dropFirst(2))
        switch (method, rest.first, rest.count) {
        case ("GET", nil, 0):
            return need("read:users") ?? .json(200, state.auth0.users[userIndex].wire)
        case ("PATCH", nil, 0):
            return need("update:users") ?? patchUser(request, userIndex: userIndex, state: &state, now: now)
        case ("DELETE", "authenticators", 1):
            if let refusal = need("delete:guardian_enrollments") { return refusal }
            let guardian: Set<String> = ["push", "totp", "phone", "email", "recovery-code", "guardian", "webauthn-roaming", "webauthn-platform"]
            state.auth0.users[userIndex].methods.removeAll { guardian.contains($0["type"]?.stringValue ?? "") }
            return .empty(204)
        case ("POST", "multifactor", 3) where rest[1] == "actions" && rest[2] == "invalidate-remember-browser":
            return need("update:users") ?? .empty(204)
        case ("DELETE", "sessions", 1):
            // Session management is an Enterprise feature: other plans answer 403.
            if let refusal = need("delete:sessions") { return refusal }
            guard state.auth0.plan == "enterprise" else {
                return error(403, "Forbidden", "Deleting a user's sessions is available on Enterprise plans only.", code: "operation_not_supported")
            }
            return .empty(202)
        case (_, "authentication-methods", _):
            return Auth0Methods.handle(request, rest: Array(rest.dropFirst()), userIndex: userIndex, token: token, state: &state, now: now)
        default:
            return error(404, "Not Found", "Not Found: \(method) /api/v2/\(path.joined(separator: "/")) is not served by the sandbox.")
        }
    }

    static func patchUser(_ request: IncomingRequest, userIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        guard let body = request.jsonBody, body.members != nil else {
            return error(400, "Bad Request", "Payload validation error: the body must be a JSON object.", code: "invalid_body")
        }
        if let password = body["password"] {
            guard let text = password.stringValue, text.count >= 8 else {
                return error(400, "Bad Request", "PasswordStrengthError: Password is too weak (at least 8 characters).")
            }
            state.auth0.users[userIndex].lastPasswordReset = timestamp(now)
        }
        if let name = body["name"]?.stringValue { state.auth0.users[userIndex].name = name }
        if let blocked = body["blocked"] {
            guard let flag = blocked.boolValue else {
                return error(400, "Bad Request", "Payload validation error: 'Expected type boolean' on property blocked (true or false).", code: "invalid_body")
            }
            state.auth0.users[userIndex].blocked = flag
        }
        state.auth0.users[userIndex].updatedAt = timestamp(now)
        return .json(200, state.auth0.users[userIndex].wire)
    }

    // MARK: Users

    static func searchUsers(_ request: IncomingRequest, state: SandboxState) -> HTTPReply {
        let perPage = Int(request.queryValue("per_page") ?? "50") ?? -1
        let page = Int(request.queryValue("page") ?? "0") ?? -1
        guard (0...100).contains(perPage) else {
            return error(400, "Bad Request", "Query validation error: 'per_page' must be from 0 to 100.", code: "invalid_query_string")
        }
        guard page >= 0 else {
            return error(400, "Bad Request", "Query validation error: 'page' must be 0 or more.", code: "invalid_query_string")
        }
        if let engine = request.queryValue("search_engine"), engine != "v3" {
            return error(400, "Bad Request", "Query validation error: search_engine must be v3.", code: "invalid_query_string")
        }
        guard (page + 1) * perPage <= 1000 else {
            return error(400, "Bad Request", "You can only page through the first 1000 records. Narrow the query (q) instead.", code: "invalid_paging")
        }
        let matching: [Auth0User]
        do {
            let query = try Auth0Query.parse(request.queryValue("q") ?? "")
            matching = state.auth0.users.filter { query.matches($0) }
        } catch {
            return Auth0Endpoints.error(400, "Bad Request", error.message, code: "invalid_query_string")
        }
        let slice = matching.dropFirst(page * perPage).prefix(perPage)
        let users = JSON.array(slice.map(\.wire))
        guard request.queryValue("include_totals") == "true" else { return .json(200, users) }
        return .json(200, .obj([
            "start": .int(page * perPage), "limit": .int(perPage), "length": .int(slice.count),
            "total": .int(min(matching.count, 1000)), "users": users,
        ]))
    }

    static func usersByEmail(_ request: IncomingRequest, state: SandboxState) -> HTTPReply {
        guard let email = request.queryValue("email"), !email.isEmpty else {
            return error(400, "Bad Request", "Query validation error: Missing required property: email", code: "invalid_query_string")
        }
        return .json(200, .array(state.auth0.users.filter { $0.email.lowercased() == email.lowercased() }.map(\.wire)))
    }
}
