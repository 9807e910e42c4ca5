import Foundation

/// Sends each request to Graph, Entra sign-in or Auth0, after fault injection, and counts the
/// answers by status.
enum SandboxRouter {
    static func answer(_ request: IncomingRequest, state: inout SandboxState, now: Date) -> HTTPReply {
        let requestId = UUID().uuidString.lowercased()
        var reply = injectedFault(request, state: &state, requestId: requestId) ?? route(request, state: &state, now: now, requestId: requestId)
        if request.segments.first == "v1.0" || request.segments.first == "beta" {
            reply.setHeader("request-id", requestId)
            reply.setHeader("client-request-id", request.header("client-request-id") ?? requestId)
            reply.setHeader("x-ms-ags-diagnostic", "{\"ServerInfo\":{\"DataCenter\":\"Sandbox\",\"Slice\":\"E\",\"Ring\":\"0\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"SANDBOX\"}}")
        } else if request.segments.dropFirst().first == "oauth2" {
            reply.setHeader("x-ms-request-id", requestId)
        } else if request.segments.first == "api" || request.segments.first == "oauth" {
            reply.setHeader("x-auth0-requestid", requestId)
        }
        if request.segments.first == "v1.0" || request.segments.first == "beta" {
            if request.segments.last == "$batch" { state.stats.batches += 1 } else { state.stats.singleGraphRequests += 1 }
        }
        if request.segments.first != "sandbox" { SandboxRequestCounts.count(request, in: &state.stats) }
        if reply.dropConnection {
            state.stats.dropped += 1
        } else {
            state.stats.byStatus[reply.status, default: 0] += 1
        }
        return reply
    }

    static func route(_ request: IncomingRequest, state: inout SandboxState, now: Date, requestId: String) -> HTTPReply {
        let segments = request.segments
        switch segments.first {
        case "v1.0", "beta":
            return GraphEndpoints.handle(request, state: &state, now: now, requestId: requestId)
        case "oauth" where segments == ["oauth", "token"]:
            return Auth0Endpoints.token(request, state: &state, now: now)
        case "api" where segments.count >= 2 && segments[1] == "v2":
            return Auth0Endpoints.handle(request, state: &state, now: now)
        case "sandbox" where segments == ["sandbox", "tokens"] && state.options.exposesTokens && request.method == "GET":
            // Test bed only (off unless asked for): every token issued, so that a test can look
            // for them in the client's output and files.
            return .json(200, .obj([
                "accessTokens": .array(state.tokens.keys.sorted().map { .string($0) }),
                "refreshTokens": .array(state.refreshTokens.keys.sorted().map { .string($0) }),
            ]))
        case "sandbox" where segments == ["sandbox", "requests"] && request.method == "GET":
            return SandboxRequestCounts.reply(state.stats)
        case "devicelogin":
            return HTTPReply(status: 200, headers: [("Content-Type", "text/plain; charset=utf-8")],
                             body: Data("The sandbox approves device-code sign-ins by itself; nothing to do here.\n".utf8))
        default:
            if segments.count >= 2, segments[1] == "oauth2" {
                return EntraEndpoints.handle(request, state: &state, now: now)
            }
            if segments.count == 4, segments[1...] == ["v2.0", ".well-known", "openid-configuration"] {
                return EntraEndpoints.openIdConfiguration(request, state: state)
            }
            return .json(404, .obj(["error": .obj([
                "code": .string("NotFound"),
                "message": .string("No such endpoint in the sandbox: \(request.method) /\(segments.joined(separator: "/")). It serves /v1.0, /beta, /{tenant}/oauth2/v2.0/token|devicecode, /{tenant}/v2.0/.well-known/openid-configuration, /oauth/token and /api/v2."),
            ])]))
        }
    }

    /// A fault for `faultRate` of the requests: 429 with Retry-After, 503, a dropped connection,
    /// or (on reads only, so that no write seems to succeed) a malformed body. Faulted requests
    /// change nothing.
    static func injectedFault(_ request: IncomingRequest, state: inout SandboxState, requestId: String) -> HTTPReply? {
        if state.connectionDrops > 0 {
            state.connectionDrops -= 1
            state.stats.faultsInjected += 1
            return droppedConnection
        }
        let rate = state.options.faultRate
        guard rate > 0, state.faultRandom.chance(rate) else { return nil }
        state.stats.faultsInjected += 1
        let kinds = request.method == "GET" ? 4 : 3
        let surface = request.segments.first == "api" || request.segments == ["oauth", "token"] ? "auth0"
            : (request.segments.dropFirst().first == "oauth2" ? "entra" : "graph")
        switch Int(state.faultRandom.next() % UInt64(kinds)) {
        case 0:
            return faultReply(429, surface: surface, requestId: requestId, now: state.options.now())
        case 1:
            return faultReply(503, surface: surface, requestId: requestId, now: state.options.now())
        case 2:
            return droppedConnection
        default:
            return HTTPReply(status: 200, headers: [("Content-Type", "application/json")],
                             body: Data("{\"value\":[{\"id\":\"".utf8))
        }
    }

    /// No answer: the connection is closed instead.
    static var droppedConnection: HTTPReply {
        var reply = HTTPReply(status: 0)
        reply.dropConnection = true
        return reply
    }

    /// An injected 429 or 503 in the shape of the surface that was called.
    static func faultReply(_ status: Int, surface: String, requestId: String, now: Date) -> HTTPReply {
        let throttled = status == 429
        switch surface {
        case "auth0":
            var reply = Auth0Endpoints.error(status, throttled ? "Too Many Requests" : "Service Unavailable",
                                             throttled ? "Global limit has been reached" : "The service is temporarily unavailable (injected fault).",
                                             code: throttled ? "too_many_requests" : nil)
            if throttled {
                reply.setHeader("x-ratelimit-limit", "50")
                reply.setHeader("x-ratelimit-remaining", "0")
                reply.setHeader("x-ratelimit-reset", String(Int(now.timeIntervalSince1970) + 1))
            } else {
                reply.setHeader("Retry-After", "1")
            }
            return reply
        case "entra":
            var reply = EntraEndpoints.error(status, "temporarily_unavailable", code: throttled ? 50196 : 90033,
                                             throttled ? "The server terminated an operation because it encountered a client request loop (injected fault)."
                                                 : "A transient error has occurred. Please try again (injected fault).")
            reply.setHeader("Retry-After", "1")
            return reply
        default:
            let body = JSON.obj(["error": .obj([
                "code": .string(throttled ? "TooManyRequests" : "ServiceUnavailable"),
                "message": .string(throttled ? "Too many requests (injected fault). Retry after the delay in Retry-After."
                                   : "The service is temporarily unavailable (injected fault)."),
                "innerError": .obj([
                    "date": .string(Timestamps.iso(now)),
                    "request-id": .string(requestId),
                    "client-request-id": .string(requestId),
                ]),
            ])])
            return .json(status, body, headers: [("Retry-After", throttled ? "1.5" : "1")])
        }
    }
}
