import Foundation

/// Entra sign-in: `POST /{tenant}/oauth2/v2.0/token` (client credentials with a secret or a
/// client assertion, device code, refresh token) and `POST /{tenant}/oauth2/v2.0/devicecode`.
enum EntraEndpoints {
    static let graphResource = "https://graph.microsoft.com"
    static let applicationRoles: Set<String> = [
        "UserAuthenticationMethod.ReadWrite.All", "User.Read.All", "User.EnableDisableAccount.All", "AuditLog.Read.All",
    ]
    /// The delegated Graph permissions consented for the app: what `.default` grants.
    static let consentedScopes: Set<String> = [
        "UserAuthenticationMethod.ReadWrite.All", "UserAuthenticationMethod.Read.All", "User.Read.All",
        "User.EnableDisableAccount.All", "AuditLog.Read.All",
    ]
    static let openIdScopes: Set<String> = ["openid", "profile", "offline_access", "email"]

    /// The names in a scope string (`https://graph.microsoft.com/User.Read.All` → `User.Read.All`).
    static func scopeNames(_ scope: String) -> Set<String> {
        Set(scope.split(separator: " ").map { part -> String in
            let text = String(part)
            if text.hasPrefix("http"), let slash = text.lastIndex(of: "/") { return String(text[text.index(after: slash)...]) }
            return text
        })
    }

    /// The Graph permissions a delegated sign-in gets for `scope`: all consented ones for
    /// `.default`, else the requested ones that were consented.
    static func grantedScopes(_ scope: String) -> Set<String> {
        let names = scopeNames(scope)
        if names.contains(".default") { return consentedScopes }
        return consentedScopes.filter { granted in names.contains { $0.caseInsensitiveCompare(granted) == .orderedSame } }
    }
    static let tokenLifetime = 3599

    static func handle(_ request: IncomingRequest, state: inout SandboxState, now: Date) -> HTTPReply {
        let segments = request.segments
        guard segments.count == 4, segments[1] == "oauth2", segments[2] == "v2.0" else {
            return error(404, "invalid_request", code: 90002, "The requested endpoint was not found.")
        }
        guard request.method == "POST" else {
            return error(405, "invalid_request", code: 900561, "The endpoint only accepts POST requests. Received a \(request.method) request.")
        }
        guard let tenantIndex = state.tenantIndex(segments[0]) else {
            return error(400, "invalid_tenant", code: 90002,
                         "Tenant '\(segments[0])' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")
        }
        var form = request.formFields
        // client_secret_basic: client id and secret in the Authorization header.
        if let authorization = request.header("authorization"), authorization.lowercased().hasPrefix("basic "),
           let decoded = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
           let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":") {
            let id = String(pair[..<colon]).removingPercentEncoding ?? String(pair[..<colon])
            let secret = String(pair[pair.index(after: colon)...]).removingPercentEncoding ?? String(pair[pair.index(after: colon)...])
            form["client_id"] = form["client_id"] ?? id
            form["client_secret"] = form["client_secret"] ?? secret
        }
        switch segments[3] {
        case "token": return token(form, tenantIndex: tenantIndex, state: &state, now: now)
        case "devicecode": return deviceCode(form, tenantIndex: tenantIndex, state: &state, now: now)
        default: return error(404, "invalid_request", code: 90002, "The requested endpoint was not found.")
        }
    }

    /// `GET /{tenant}/v2.0/.well-known/openid-configuration`: the OpenID Connect discovery
    /// document MSAL (and so azure-identity) reads before any sign-in, naming the token and
    /// device-code endpoints and the issuer.
    static func openIdConfiguration(_ request: IncomingRequest, state: SandboxState) -> HTTPReply {
        guard request.method == "GET" else {
            return error(405, "invalid_request", code: 900561, "The endpoint only accepts GET requests. Received a \(request.method) request.")
        }
        guard let tenantIndex = state.tenantIndex(request.segments[0]) else {
            return error(400, "invalid_tenant", code: 90002,
                         "Tenant '\(request.segments[0])' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")
        }
        let tenant = state.tenants[tenantIndex]
        let base = "\(state.baseURL)/\(tenant.id)"
        return .json(200, .obj([
            "token_endpoint": .string("\(base)/oauth2/v2.0/token"),
            "token_endpoint_auth_methods_supported": .array(["client_secret_post", "private_key_jwt", "client_secret_basic"].map(JSON.string)),
            "jwks_uri": .string("\(base)/discovery/v2.0/keys"),
            "response_modes_supported": .array(["query", "fragment", "form_post"].map(JSON.string)),
            "subject_types_supported": .array([.string("pairwise")]),
            "id_token_signing_alg_values_supported": .array([.string("RS256")]),
            "response_types_supported": .array(["code", "id_token", "code id_token", "id_token token"].map(JSON.string)),
            "scopes_supported": .array(["openid", "profile", "email", "offline_access"].map(JSON.string)),
            "issuer": .string("\(base)/v2.0"),
            "request_uri_parameter_supported": .bool(false),
            "userinfo_endpoint": .string("\(state.baseURL)/oidc/userinfo"),
            "authorization_endpoint": .string("\(base)/oauth2/v2.0/authorize"),
            "device_authorization_endpoint": .string("\(base)/oauth2/v2.0/devicecode"),
            "http_logout_supported": .bool(true),
            "frontchannel_logout_supported": .bool(true),
            "end_session_endpoint": .string("\(base)/oauth2/v2.0/logout"),
            "claims_supported": .array(["sub", "iss", "aud", "exp", "iat", "name", "oid", "preferred_username", "tid"].map(JSON.string)),
            "tenant_region_scope": .string("NA"),
            "cloud_instance_name": .string("microsoftonline.com"),
        ]))
    }

    static func error(_ status: Int, _ error: String, code: Int, _ message: String) -> HTTPReply {
        let traceId = UUID().uuidString.lowercased()
        let correlationId = UUID().uuidString.lowercased()
        let timestamp = Timestamps.iso(Date()).replacingOccurrences(of: "T", with: " ")
        let description = "AADSTS\(code): \(message) Trace ID: \(traceId) Correlation ID: \(correlationId) Timestamp: \(timestamp)"
        return .json(status, .obj([
            "error": .string(error),
            "error_description": .string(description),
            "error_codes": .array([.int(code)]),
            "timestamp": .string(timestamp),
            "trace_id": .string(traceId),
            "correlation_id": .string(correlationId),
            "error_uri": .string("https://login.microsoftonline.com/error?code=\(code)"),
        ]), headers: [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache")])
    }

    // MARK: Token endpoint

    static func token(_ form: [String: String], tenantIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        guard let grant = form["grant_type"], !grant.isEmpty else {
            return error(400, "invalid_request", code: 900144, "The request body must contain the following parameter: 'grant_type'.")
        }
        switch grant {
        case "client_credentials":
            return clientCredentials(form, tenantIndex: tenantIndex, state: &state, now: now)
        case "urn:ietf:params:oauth:grant-type:device_code":
            return deviceCodeToken(form, tenantIndex: tenantIndex, state: &state, now: now)
        case "refresh_token":
            return refresh(form, tenantIndex: tenantIndex, state: &state, now: now)
        default:
            return error(400, "unsupported_grant_type", code: 70003,
                         "The app requested an unsupported grant type '\(grant)'. Supported: client_credentials, urn:ietf:params:oauth:grant-type:device_code, refresh_token.")
        }
    }

    static func clientCredentials(_ form: [String: String], tenantIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        let tenant = state.tenants[tenantIndex]
        guard let clientId = form["client_id"], !clientId.isEmpty else {
            return error(400, "invalid_request", code: 900144, "The request body must contain the following parameter: 'client_id'.")
        }
        guard clientId.lowercased() == tenant.clientId.lowercased() else {
            return error(400, "unauthorized_client", code: 700016,
                         "Application with identifier '\(clientId)' was not found in the directory '\(tenant.name)'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.")
        }
        guard let scope = form["scope"], !scope.isEmpty else {
            return error(400, "invalid_request", code: 900144, "The request body must contain the following parameter: 'scope'.")
        }
        guard scope.split(separator: " ").allSatisfy({ $0.hasSuffix("/.default") }) else {
            return error(400, "invalid_scope", code: 1002012,
                         "The provided value for scope \(scope) is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).")
        }
        if let secret = form["client_secret"] {
            guard secret == tenant.clientSecret else {
                return error(401, "invalid_client", code: 7000215,
                             "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '\(tenant.clientId)'.")
            }
        } else if let assertion = form["client_assertion"] {
            guard form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" else {
                return error(400, "invalid_request", code: 90014,
                             "The request body must contain the parameter client_assertion_type with the value urn:ietf:params:oauth:client-assertion-type:jwt-bearer.")
            }
            if let refusal = checkAssertion(assertion, tenant: tenant, now: now) {
                return refusal
            }
        } else {
            return error(401, "invalid_client", code: 7000218,
                         "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
        }
        let record = TokenRecord(audience: .graph(tenantId: tenant.id), clientId: tenant.clientId, userId: nil,
                                 permissions: applicationRoles, expiresAt: now.addingTimeInterval(Double(tokenLifetime)))
        let token = issue(record, tenant: tenant, user: nil, state: &state, now: now)
        return .json(200, .obj([
            "token_type": .string("Bearer"),
            "expires_in": .int(tokenLifetime),
            "ext_expires_in": .int(tokenLifetime),
            "access_token": .string(token),
        ]), headers: [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache")])
    }

    /// Checks a client assertion: its header (`alg` RS256 or PS256, `x5t#S256` or `x5t` naming a
    /// certificate registered for the app), its claims (`iss` = `sub` = client id, `aud` the token
    /// URL, `exp` in the future and within 10 minutes of `nbf`/`iat`) and its signature.
    static func checkAssertion(_ assertion: String, tenant: TenantRecord, now: Date) -> HTTPReply? {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decodeJSON(parts[0]), let claims = Base64URL.decodeJSON(parts[1]) else {
            return error(400, "invalid_client", code: 50027, "JWT token is invalid or malformed.")
        }
        guard let alg = header["alg"]?.stringValue.flatMap(AppCertificate.Algorithm.init(rawValue:)) else {
            return error(401, "invalid_client", code: 5002738, "Invalid JWT token. 'alg' must be RS256 or PS256.")
        }
        guard claims["iss"]?.stringValue?.lowercased() == tenant.clientId.lowercased(),
              claims["sub"]?.stringValue?.lowercased() == tenant.clientId.lowercased() else {
            return error(401, "invalid_client", code: 700021,
                         "Client assertion application identifier doesn't match 'client_id' parameter. The 'iss' and 'sub' claims must both be the client id.")
        }
        let audiences = claims["aud"]?.stringValue.map { [$0] } ?? (claims["aud"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let tokenPaths = ["/\(tenant.id)/oauth2/v2.0/token", "/\(tenant.domain)/oauth2/v2.0/token"].map { $0.lowercased() }
        guard audiences.contains(where: { aud in tokenPaths.contains { aud.lowercased().hasSuffix($0) } }) else {
            return error(401, "invalid_client", code: 700212,
                         "No matching federated identity record found for presented assertion audience. The 'aud' claim must be the token endpoint URL.")
        }
        guard let exp = claims["exp"]?.secondsValue else {
            return error(401, "invalid_client", code: 700024, "Client assertion is not within its valid time range: no 'exp' claim.")
        }
        let nowSeconds = Int(now.timeIntervalSince1970)
        let issued = claims["nbf"]?.secondsValue ?? claims["iat"]?.secondsValue ?? nowSeconds
        guard exp > nowSeconds - 300, issued <= nowSeconds + 300, exp - issued <= 600 + 300 else {
            return error(401, "invalid_client", code: 700024,
                         "Client assertion is not within its valid time range. Current time: \(nowSeconds), assertion valid from \(issued), expiry time of assertion \(exp).")
        }
        // base64url without padding, as RFC 7515 writes thumbprints; MSAL Python pads its x5t.
        func unpadded(_ text: String?) -> String? {
            text.map { String($0.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").prefix { $0 != "=" }) }
        }
        let s256 = unpadded(header["x5t#S256"]?.stringValue)
        let s1 = unpadded(header["x5t"]?.stringValue)
        guard let key = tenant.certificates.first(where: { ($0.thumbprintSHA256 == s256 && s256 != nil) || ($0.thumbprintSHA1 == s1 && s1 != nil) }) else {
            return error(401, "invalid_client", code: 700027,
                         "Client assertion contains an invalid signature. [Reason - The key was not found., Thumbprint of key used by client: '\(s256 ?? s1 ?? "none")'] Register the certificate for the app, and name it in the header with x5t#S256 or x5t.")
        }
        guard let signature = Base64URL.decode(parts[2]) else {
            return error(400, "invalid_client", code: 50027, "JWT token is invalid or malformed: the signature is not base64url.")
        }
        guard key.verifies(signature, of: Data("\(parts[0]).\(parts[1])".utf8), algorithm: alg) else {
            return error(401, "invalid_client", code: 700027,
                         "Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '\(key.thumbprintSHA256)']")
        }
        return nil
    }

    // MARK: Device code

    static func deviceCode(_ form: [String: String], tenantIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        let tenant = state.tenants[tenantIndex]
        guard let clientId = form["client_id"], !clientId.isEmpty else {
            return error(400, "invalid_request", code: 900144, "The request body must contain the following parameter: 'client_id'.")
        }
        guard let scope = form["scope"], !scope.isEmpty else {
            return error(400, "invalid_request", code: 900144, "The request body must contain the following parameter: 'scope'.")
        }
        guard !grantedScopes(scope).isEmpty else {
            return error(400, "invalid_scope", code: 70011,
                         "The provided value for the input parameter 'scope' is not valid: ask for https://graph.microsoft.com/.default or some of \(consentedScopes.sorted().joined(separator: ", ")).")
        }
        let code = SandboxState.randomString(120)
        let userCode = SandboxState.randomString(9, alphabet: "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let expiresIn = 900
        let delay = state.options.deviceCodeApprovalDelay / .seconds(1)
        let interval = max(state.options.deviceCodePollInterval / .seconds(1), 0.001)
        state.deviceCodes[code] = DeviceCodeRecord(
            tenantId: tenant.id, clientId: clientId, scope: scope, createdAt: now,
            approvesAt: now.addingTimeInterval(delay), expiresAt: now.addingTimeInterval(Double(expiresIn)), interval: interval)
        let uri = "\(state.baseURL)/devicelogin"
        return .json(200, .obj([
            "user_code": .string(userCode),
            "device_code": .string(code),
            "verification_uri": .string(uri),
            "expires_in": .int(expiresIn),
            "interval": interval.rounded() == interval ? .int(Int(interval)) : .double(interval),
            "message": .string("To sign in, use a web browser to open the page \(uri) and enter the code \(userCode) to authenticate. (The sandbox approves it by itself as \(tenant.operatorUPN).)"),
        ]))
    }

    static func deviceCodeToken(_ form: [String: String], tenantIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        let tenant = state.tenants[tenantIndex]
        guard let code = form["device_code"], !code.isEmpty else {
            return error(400, "invalid_request", code: 900144, "The request body must contain the following parameter: 'device_code'.")
        }
        guard var record = state.deviceCodes[code], record.tenantId == tenant.id, !record.redeemed else {
            return error(400, "invalid_grant", code: 70000, "The provided value for the 'device_code' is not valid. It may have been used already or belong to another tenant.")
        }
        if now >= record.expiresAt {
            state.deviceCodes[code] = nil
            return error(400, "expired_token", code: 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired.")
        }
        if let last = record.lastPoll, now.timeIntervalSince(last) < record.interval - min(0.2, record.interval * 0.2) {
            record.interval += 5
            record.lastPoll = now
            state.deviceCodes[code] = record
            return error(400, "slow_down", code: 70000, "Polling too fast: wait at least the interval between polls. The interval is now \(String(format: "%g", record.interval)) seconds.")
        }
        record.lastPoll = now
        if now < record.approvesAt {
            state.deviceCodes[code] = record
            return error(400, "authorization_pending", code: 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.")
        }
        record.redeemed = true
        state.deviceCodes[code] = record
        if state.deviceCodeDeclines > 0 {
            state.deviceCodeDeclines -= 1
            return error(400, "authorization_declined", code: 70000,
                         "The end user denied the authorization request. Start a new sign-in to try again.")
        }
        guard let op = tenant.operatorUser else {
            return error(400, "invalid_grant", code: 50034, "The user account \(tenant.operatorUPN) does not exist in the \(tenant.name) directory.")
        }
        return delegatedToken(scope: record.scope, clientId: record.clientId, tenant: tenant, user: op,
                              clientInfo: form["client_info"] == "1", state: &state, now: now)
    }

    /// The answer to a successful delegated sign-in: access token, refresh token with
    /// `offline_access`, an id token (with `sub`, which MSAL keys accounts by) with `openid`, and
    /// `client_info` (`{"uid","utid"}`, base64url) when the request asked for it with `client_info=1`.
    static func delegatedToken(scope: String, clientId: String, tenant: TenantRecord, user: UserRecord,
                               clientInfo: Bool = false, state: inout SandboxState, now: Date) -> HTTPReply {
        let requested = scopeNames(scope)
        let granted = grantedScopes(scope)
        let record = TokenRecord(audience: .graph(tenantId: tenant.id), clientId: clientId, userId: user.id,
                                 permissions: granted, expiresAt: now.addingTimeInterval(Double(tokenLifetime)))
        let token = issue(record, tenant: tenant, user: user, state: &state, now: now)
        var body = JSON.obj([
            "token_type": .string("Bearer"),
            "scope": .string((granted.sorted().map { "\(graphResource)/\($0)" } + requested.intersection(openIdScopes).sorted()).joined(separator: " ")),
            "expires_in": .int(tokenLifetime),
            "ext_expires_in": .int(tokenLifetime),
            "access_token": .string(token),
        ])
        if requested.contains("offline_access") {
            let refreshToken = SandboxState.randomString(96)
            state.refreshTokens[refreshToken] = record
            body.set("refresh_token", .string(refreshToken))
        }
        if requested.contains("openid") {
            body.set("id_token", .string(unsignedJWT(.obj([
                "aud": .string(clientId), "iss": .string("\(state.baseURL)/\(tenant.id)/v2.0"),
                "sub": .string(Base64URL.encode(Data("\(clientId):\(user.id)".utf8))), "ver": .string("2.0"),
                "tid": .string(tenant.id), "oid": .string(user.id), "preferred_username": .string(user.userPrincipalName),
                "name": .string(user.displayName), "iat": .int(Int(now.timeIntervalSince1970)),
                "exp": .int(Int(now.timeIntervalSince1970) + tokenLifetime),
            ]))))
        }
        if clientInfo {
            let info = JSON.obj(["uid": .string(user.id), "utid": .string(tenant.id)])
            body.set("client_info", .string(Base64URL.encode(info.data)))
        }
        return .json(200, body, headers: [("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache")])
    }

    static func refresh(_ form: [String: String], tenantIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        let tenant = state.tenants[tenantIndex]
        guard let token = form["refresh_token"], let record = state.refreshTokens[token],
              record.audience == .graph(tenantId: tenant.id), let userId = record.userId, let user = tenant.user(userId) else {
            return error(400, "invalid_grant", code: 9002313, "Invalid request. Request is malformed or invalid: the refresh token is unknown or belongs to another tenant.")
        }
        if let revoked = user.sessionsRevokedAt, revoked > record.expiresAt.addingTimeInterval(-Double(tokenLifetime)) {
            return error(400, "invalid_grant", code: 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed.")
        }
        state.refreshTokens[token] = nil
        let scope = form["scope"].flatMap { grantedScopes($0).isEmpty ? nil : $0 }
            ?? record.permissions.sorted().joined(separator: " ")
        return delegatedToken(scope: scope + " offline_access", clientId: record.clientId, tenant: tenant, user: user,
                              clientInfo: form["client_info"] == "1", state: &state, now: now)
    }

    // MARK: Tokens

    /// Issues an access token: a JWT-shaped string whose claims say who and what (`tid`, `oid`,
    /// `scp` or `roles`, `wids`); the sandbox trusts only its own table, not the claims.
    static func issue(_ record: TokenRecord, tenant: TenantRecord, user: UserRecord?, state: inout SandboxState, now: Date) -> String {
        let iat = Int(now.timeIntervalSince1970)
        var claims = JSON.obj([
            "aud": .string("00000003-0000-0000-c000-000000000000"),
            "iss": .string("https://sts.windows.net/\(tenant.id)/"),
            "iat": .int(iat), "nbf": .int(iat), "exp": .int(Int(record.expiresAt.timeIntervalSince1970)),
            "appid": .string(record.clientId),
            "tid": .string(tenant.id),
        ])
        if let user {
            claims.set("oid", .string(user.id))
            claims.set("upn", .string(user.userPrincipalName))
            claims.set("scp", .string(record.permissions.sorted().joined(separator: " ")))
            claims.set("wids", .array(user.role.map { [.string($0.templateId)] } ?? []))
        } else {
            claims.set("oid", .string(tenant.clientId))
            claims.set("roles", .array(record.permissions.sorted().map { .string($0) }))
        }
        let token = unsignedJWT(claims)
        state.tokens[token] = record
        return token
    }

    static func unsignedJWT(_ claims: JSON) -> String {
        let header = JSON.obj(["typ": .string("JWT"), "alg": .string("RS256"), "kid": .string("sandbox")])
        let signature = Base64URL.encode(Data(SandboxState.randomString(32).utf8))
        return "\(Base64URL.encode(header.data)).\(Base64URL.encode(claims.data)).\(signature)"
    }
}
