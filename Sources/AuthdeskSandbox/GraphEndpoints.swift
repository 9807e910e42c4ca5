import Foundation

/// Microsoft Graph `/v1.0` and `/beta`: bearer-token checks, then users, authentication
/// methods, operations, sign-in preferences, session revocation and `$batch`.
enum GraphEndpoints {
    /// The answer, with `x-ms-throttle-limit-percentage` when the request found a budget 80 %
    /// used or more (a batch: the highest of its inner requests).
    static func handle(_ request: IncomingRequest, state: inout SandboxState, now: Date, requestId: String) -> HTTPReply {
        let enclosing = state.throttleUse  // a batch's inner requests so far (left over otherwise, and unused)
        state.throttleUse = nil
        var reply = answer(request, state: &state, now: now, requestId: requestId)
        let use = state.throttleUse ?? 0
        if use >= 0.8 {
            reply.setHeader("x-ms-throttle-limit-percentage", String(format: "%.2f", min(use, 1.8)))
        }
        state.throttleUse = max(enclosing ?? 0, use)
        return reply
    }

    static func answer(_ request: IncomingRequest, state: inout SandboxState, now: Date, requestId: String) -> HTTPReply {
        let version = request.segments.first ?? "v1.0"
        // Authentication first: missing, unknown, expired or foreign tokens are refused with 401.
        let authorizeURI = "\(state.baseURL)/common/oauth2/authorize"
        let unauthenticated = { (message: String) -> HTTPReply in
            GraphError.reply(401, code: "InvalidAuthenticationToken", message: message, request: request, requestId: requestId,
                             headers: [("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"\(authorizeURI)\", client_id=\"00000003-0000-0000-c000-000000000000\"")])
        }
        guard let bearer = request.bearerToken else {
            return unauthenticated("Access token is empty.")
        }
        guard let token = state.tokens[bearer] else {
            return unauthenticated(bearer.contains(".") ? "Access token validation failure. Invalid audience." : "IDX14100: JWT is not well formed, there are no dots (.).")
        }
        guard case .graph(let tenantId) = token.audience, let tenantIndex = state.tenantIndex(tenantId) else {
            return unauthenticated("Access token validation failure. Invalid audience.")
        }
        guard token.expiresAt > now else {
            state.tokens[bearer] = nil
            return unauthenticated("Lifetime validation failed, the token is expired.")
        }
        let context = GraphContext(request: request, requestId: requestId, version: version, token: token,
                                   tenantIndex: tenantIndex, now: now, base: "\(state.baseURL)/\(version)")
        var path = Array(request.segments.dropFirst())
        if path.first == "me" {
            guard let userId = token.userId else {
                return context.error(400, "BadRequest", "/me request is only valid with delegated authentication flow.")
            }
            path = ["users", userId] + path.dropFirst()
        }
        if path == ["$batch"] {
            guard request.method == "POST" else { return methodNotAllowed(context) }
            return GraphBatch.handle(context, state: &state)
        }
        if let throttled = throttle(context, path: path, state: &state) {
            return throttled
        }
        if request.method != "GET" {
            state.stats.writesByTenant[state.tenants[tenantIndex].name, default: 0] += 1
        }
        if request.method == "GET", let refusal = readRefusal(context, path: path) {
            return refusal
        }
        if path.count >= 3, path[0] == "reports", path[1] == "authenticationMethods", path[2] == "userRegistrationDetails" {
            if let refusal = GraphAccount.reportRefusal(context, state: state) { return refusal }
            return GraphReads.registrationDetails(context, path: Array(path.dropFirst(3)), state: state)
        }
        guard path.first == "users" else {
            return context.error(400, "BadRequest", "Resource not found for the segment '\(path.first ?? "")'.")
        }
        if path.count == 1 {
            guard request.method == "GET" else { return methodNotAllowed(context) }
            return GraphReads.listUsers(context, state: state)
        }
        let key = path[1]
        if key == "$count", path.count == 2 {
            guard request.method == "GET" else { return methodNotAllowed(context) }
            return GraphReads.countUsers(context, state: state)
        }
        guard let userIndex = state.tenants[tenantIndex].position(of: key) else {
            return context.error(404, "Request_ResourceNotFound",
                                 "Resource '\(key)' does not exist or one of its queried reference-property objects are not present.")
        }
        let rest = Array(path.dropFirst(2))
        let target = GraphTarget(key: key, tenantIndex: tenantIndex, userIndex: userIndex)
        switch (request.method, rest.first) {
        case ("GET", nil) where GraphAccount.selectsSignInActivity(request):
            return GraphAccount.reportRefusal(context, state: state) ?? GraphReads.getUser(context, target: target, state: state)
        case ("PATCH", nil):
            return GraphAccount.patchUser(context, target: target, state: &state)
        case ("GET", nil):
            return GraphReads.getUser(context, target: target, state: state)
        case ("GET", "memberOf"), ("GET", "transitiveMemberOf"):
            return GraphMemberOf.list(context, target: target, rest: Array(rest.dropFirst()), state: state)
        case ("POST", "revokeSignInSessions") where rest.count == 1:
            return GraphUserWrites.revokeSessions(context, target: target, state: &state)
        case (_, "authentication"):
            return authentication(context, target: target, rest: Array(rest.dropFirst()), state: &state)
        default:
            return context.error(400, "BadRequest", "Resource not found for the segment '\(rest.first ?? "")'.")
        }
    }

    /// Graph's budgets, as token buckets: writes per app and tenant (`graphWriteBudget` per
    /// 2.5 minutes) and per tenant (six times that per 5 minutes), reads per app and tenant
    /// (`graphReadBudget` units per 10 seconds, lists cost 2). An empty bucket answers 429
    /// `TooManyRequests` with a fractional Retry-After.
    static func throttle(_ context: GraphContext, path: [String], state: inout SandboxState) -> HTTPReply? {
        guard state.options.throttling else { return nil }
        let tenantId = state.tenants[context.tenantIndex].id
        let app = context.token.clientId.lowercased()
        let budgets: [(key: String, capacity: Int, period: TimeInterval, cost: Double)]
        if context.request.method == "GET" {
            let isList = path.count == 1 || path.last?.hasSuffix("ethods") == true
            budgets = [("read|\(app)|\(tenantId)", state.options.graphReadBudget, 10, isList ? 2 : 1)]
        } else {
            budgets = [("write|\(app)|\(tenantId)", state.options.graphWriteBudget, 150, 1),
                       ("write|\(tenantId)", state.options.graphWriteBudget * 6, 300, 1)]
        }
        for budget in budgets {
            var bucket = state.writeBuckets[budget.key]
                ?? TokenBucket(capacity: Double(max(1, budget.capacity)), period: budget.period, now: context.now)
            let wait = bucket.take(min(budget.cost, bucket.capacity), now: context.now)
            state.throttleUse = max(state.throttleUse ?? 0, wait == nil ? 1 - bucket.available / bucket.capacity : 1)
            state.writeBuckets[budget.key] = bucket
            if let wait {
                state.stats.throttledByBudget[context.request.method == "GET" ? "read" : "write", default: 0] += 1
                let retryAfter = String(format: "%.3f", max(0.001, wait))
                return context.error(429, "TooManyRequests",
                                     "Too many requests: the application's budget for this tenant is spent. Retry after \(retryAfter) seconds.",
                                     headers: [("Retry-After", retryAfter)])
            }
        }
        return nil
    }

    /// Reads need `User.Read.All` for users and reports, and `UserAuthenticationMethod.Read.All`
    /// (or its ReadWrite) for authentication methods.
    static func readRefusal(_ context: GraphContext, path: [String]) -> HTTPReply? {
        let token = context.token
        if path.count > 2, path[2] == "authentication" {
            guard token.allows("UserAuthenticationMethod.Read.All") || token.allows("UserAuthenticationMethod.ReadWrite.All") else {
                return context.error(403, "accessDenied", "Request Authorization failed: reading authentication methods needs UserAuthenticationMethod.Read.All.")
            }
            return nil
        }
        guard token.allows("User.Read.All") else {
            return context.error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation. Reading users needs User.Read.All.")
        }
        return nil
    }

    static func methodNotAllowed(_ context: GraphContext) -> HTTPReply {
        context.error(405, "Request_BadRequest", "The HTTP method '\(context.request.method)' is not allowed on this resource.")
    }

    static func authentication(_ context: GraphContext, target: GraphTarget, rest: [String], state: inout SandboxState) -> HTTPReply {
        let method = context.request.method
        guard let segment = rest.first else {
            return context.error(400, "BadRequest", "Resource not found for the segment 'authentication'.")
        }
        switch segment {
        case "methods":
            if rest.count == 1, method == "GET" { return GraphReads.listMethods(context, target: target, type: nil, state: state) }
            if rest.count == 2, method == "GET" { return GraphReads.getMethod(context, target: target, type: nil, id: rest[1], state: state) }
            if rest.count == 3, method == "POST", rest[2] == "resetPassword" {
                return GraphUserWrites.resetPassword(context, target: target, methodId: rest[1], state: &state)
            }
            return methodNotAllowed(context)
        case "operations":
            guard rest.count == 2, method == "GET" else { return methodNotAllowed(context) }
            return GraphReads.operation(context, target: target, id: rest[1], state: &state)
        case "requirements":
            guard context.isBeta, rest.count == 1 else {
                return context.error(400, "BadRequest", "Resource not found for the segment 'requirements'.")
            }
            if method == "GET" { return GraphAccount.requirements(context, target: target, state: state) }
            if method == "PATCH" { return GraphAccount.patchRequirements(context, target: target, state: &state) }
            return methodNotAllowed(context)
        case "qrCodePinMethod":
            return GraphQrCodePin.handle(context, target: target, rest: Array(rest.dropFirst()), state: &state)
        case "signInPreferences":
            guard context.isBeta else {
                return context.error(400, "BadRequest", "Resource not found for the segment 'signInPreferences'.")
            }
            if rest.count == 1, method == "GET" { return GraphReads.signInPreferences(context, target: target, state: state) }
            if rest.count == 1, method == "PATCH" { return GraphUserWrites.patchSignInPreferences(context, target: target, state: &state) }
            return methodNotAllowed(context)
        default:
            guard let type = GraphMethodType(segment: segment), !type.betaOnly || context.isBeta else {
                return context.error(400, "BadRequest", "Resource not found for the segment '\(segment)'.")
            }
            switch (method, rest.count) {
            case ("GET", 1): return GraphReads.listMethods(context, target: target, type: type, state: state)
            case ("GET", 2): return GraphReads.getMethod(context, target: target, type: type, id: rest[1], state: state)
            case ("POST", 1): return GraphWrites.create(context, target: target, type: type, state: &state)
            case ("POST", 2) where type == .hardwareOath && rest[1] == "assignAndActivate":
                return GraphMethodActions.assignHardwareToken(context, target: target, state: &state)
            case ("PATCH", 2): return GraphWrites.update(context, target: target, type: type, id: rest[1], state: &state)
            case ("DELETE", 2): return GraphWrites.delete(context, target: target, type: type, id: rest[1], state: &state)
            case ("POST", 3): return GraphMethodActions.action(context, target: target, type: type, id: rest[1], action: rest[2], state: &state)
            default: return methodNotAllowed(context)
            }
        }
    }
}
