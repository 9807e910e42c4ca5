import Foundation

/// Auth0's `/api/v2/users/{id}/authentication-methods` endpoints: list (paged), get, create
/// (auto-confirmed; 409 on a duplicate, 403 over the per-user limit), replace all (PUT),
/// update (PATCH), delete one and delete all.
enum Auth0Methods {
    static func handle(_ request: IncomingRequest, rest: [String], userIndex: Int, token: TokenRecord,
                       state: inout SandboxState, now: Date) -> HTTPReply {
        func need(_ scope: String) -> HTTPReply? {
            token.allows(scope) ? nil : Auth0Endpoints.error(403, "Forbidden", "Insufficient scope, expected any of: \(scope)", code: "insufficient_scope")
        }
        switch (request.method, rest.count) {
        case ("GET", 0):
            return need("read:authentication_methods") ?? list(request, methods: state.auth0.users[userIndex].methods)
        case ("POST", 0):
            return need("create:authentication_methods") ?? create(request, userIndex: userIndex, state: &state, now: now)
        case ("PUT", 0):
            return need("update:authentication_methods") ?? replace(request, userIndex: userIndex, state: &state, now: now)
        case ("DELETE", 0):
            if let refusal = need("delete:authentication_methods") { return refusal }
            state.auth0.users[userIndex].methods.removeAll()
            return .empty(204)
        case (_, 1):
            let id = rest[0]
            guard let index = state.auth0.users[userIndex].methods.firstIndex(where: { $0["id"]?.stringValue == id }) else {
                return Auth0Endpoints.error(404, "Not Found", "Authentication method not found.", code: "inexistent_authentication_method")
            }
            switch request.method {
            case "GET":
                return need("read:authentication_methods") ?? .json(200, state.auth0.users[userIndex].methods[index])
            case "DELETE":
                if let refusal = need("delete:authentication_methods") { return refusal }
                state.auth0.users[userIndex].methods.remove(at: index)
                return .empty(204)
            case "PATCH":
                return need("update:authentication_methods") ?? update(request, userIndex: userIndex, index: index, state: &state)
            default:
                return Auth0Endpoints.error(404, "Not Found", "Not Found")
            }
        default:
            return Auth0Endpoints.error(404, "Not Found", "Not Found")
        }
    }

    static func list(_ request: IncomingRequest, methods: [JSON]) -> HTTPReply {
        let perPage = Int(request.queryValue("per_page") ?? "50") ?? -1
        let page = Int(request.queryValue("page") ?? "0") ?? -1
        guard (0...100).contains(perPage), page >= 0 else {
            return Auth0Endpoints.error(400, "Bad Request", "Query validation error: 'page' must be 0 or more and 'per_page' from 0 to 100.",
                                        code: "invalid_query_string")
        }
        let slice = Array(methods.dropFirst(page * perPage).prefix(perPage))
        guard request.queryValue("include_totals") == "true" else { return .json(200, .array(slice)) }
        return .json(200, .obj([
            "start": .int(page * perPage), "limit": .int(perPage), "total": .int(methods.count),
            "authenticators": .array(slice),
        ]))
    }

    /// A validated new method, or the refusal to send.
    static func build(_ body: JSON, allowed: [String], existing: [JSON], now: Date) -> Result<JSON, ReplyError> {
        guard body.members != nil, var type = body["type"]?.stringValue else {
            return .failure(ReplyError(reply: invalid("Missing required property: type")))
        }
        if type == "webauthn_roaming" { type = "webauthn-roaming" }
        guard allowed.contains(type) else {
            return .failure(ReplyError(reply: invalid("type must be one of \(allowed.joined(separator: ", ")); got '\(type)'.")))
        }
        let devId = "dev_" + SandboxState.randomString(16)
        let created = Auth0Endpoints.timestamp(now)
        let name = body["name"]?.stringValue
        var method: JSON
        switch type {
        case "phone":
            guard let number = body["phone_number"]?.stringValue, number.wholeMatch(of: /\+\d{6,15}/) != nil else {
                return .failure(ReplyError(reply: invalid("phone_number must be in E.164 format, e.g. +14155550123.")))
            }
            let preferred = body["preferred_authentication_method"]?.stringValue ?? "sms"
            guard ["sms", "voice"].contains(preferred) else {
                return .failure(ReplyError(reply: invalid("preferred_authentication_method must be sms or voice.")))
            }
            guard !existing.contains(where: { $0["type"]?.stringValue == "phone" && $0["phone_number"]?.stringValue == number }) else {
                return .failure(ReplyError(reply: Auth0Endpoints.error(409, "Conflict", "Authentication method already exists", code: "authentication_method_conflict")))
            }
            method = .obj([
                "id": .string("phone|\(devId)"), "type": .string("phone"), "confirmed": .bool(true), "name": .str(name),
                "phone_number": .string(number), "preferred_authentication_method": .string(preferred), "created_at": .string(created),
                "authentication_methods": .array([.obj(["id": .string("\(preferred)|\(devId)"), "type": .string(preferred)])]),
            ])
        case "email":
            guard let email = body["email"]?.stringValue, GraphWrites.isEmail(email) else {
                return .failure(ReplyError(reply: invalid("email must be an e-mail address, e.g. user@example.com.")))
            }
            guard !existing.contains(where: { $0["type"]?.stringValue == "email" && $0["email"]?.stringValue?.lowercased() == email.lowercased() }) else {
                return .failure(ReplyError(reply: Auth0Endpoints.error(409, "Conflict", "Authentication method already exists", code: "authentication_method_conflict")))
            }
            method = .obj([
                "id": .string("email|\(devId)"), "type": .string("email"), "confirmed": .bool(true), "name": .str(name),
                "email": .string(email), "created_at": .string(created),
            ])
        case "totp":
            guard let secret = body["totp_secret"]?.stringValue, secret.wholeMatch(of: /[A-Za-z2-7]{16,}=*/) != nil else {
                return .failure(ReplyError(reply: invalid("totp_secret must be a base32 secret of at least 16 characters.")))
            }
            guard !existing.contains(where: { $0["type"]?.stringValue == "totp" }) else {
                return .failure(ReplyError(reply: Auth0Endpoints.error(409, "Conflict", "Authentication method already exists", code: "authentication_method_conflict")))
            }
            method = .obj([
                "id": .string("totp|\(devId)"), "type": .string("totp"), "confirmed": .bool(true), "name": .str(name),
                "created_at": .string(created),
            ])
        default:
            guard let keyId = body["key_id"]?.stringValue, let publicKey = body["public_key"]?.stringValue,
                  let party = body["relying_party_identifier"]?.stringValue else {
                return .failure(ReplyError(reply: invalid("\(type) needs key_id, public_key and relying_party_identifier.")))
            }
            guard !existing.contains(where: { $0["key_id"]?.stringValue == keyId }) else {
                return .failure(ReplyError(reply: Auth0Endpoints.error(409, "Conflict", "Authentication method already exists", code: "authentication_method_conflict")))
            }
            method = .obj([
                "id": .string("\(type)|\(devId)"), "type": .string(type), "confirmed": .bool(true), "name": .str(name),
                "key_id": .string(keyId), "public_key": .string(publicKey), "relying_party_identifier": .string(party),
                "created_at": .string(created),
            ])
        }
        if name == nil { method.remove("name") }
        return .success(method)
    }

    /// A new method as the create (201) and replace (200) answers show it: the OpenAPI response
    /// schemas have no `confirmed` (and allow no other property); later reads carry it.
    static func answered(_ method: JSON) -> JSON {
        var answer = method
        answer.remove("confirmed")
        return answer
    }

    /// A refusal carried through a `Result`.
    struct ReplyError: Error {
        var reply: HTTPReply
    }

    static func invalid(_ message: String) -> HTTPReply {
        Auth0Endpoints.error(400, "Bad Request", "Payload validation error: \(message)", code: "invalid_body")
    }

    static func create(_ request: IncomingRequest, userIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        guard let body = request.jsonBody else { return invalid("the body must be a JSON object.") }
        let existing = state.auth0.users[userIndex].methods
        guard existing.count < Auth0Endpoints.maximumMethods else {
            return Auth0Endpoints.error(403, "Forbidden", "You reached the limit of entities of this type for this user.", code: "too_many_entities")
        }
        switch build(body, allowed: ["phone", "email", "totp", "webauthn-roaming", "passkey"], existing: existing, now: now) {
        case .failure(let refusal):
            return refusal.reply
        case .success(let method):
            state.auth0.users[userIndex].methods.append(method)
            return .json(201, answered(method))
        }
    }

    static func replace(_ request: IncomingRequest, userIndex: Int, state: inout SandboxState, now: Date) -> HTTPReply {
        guard let items = request.jsonBody?.arrayValue else { return invalid("the body must be an array of methods.") }
        var methods: [JSON] = []
        for item in items {
            switch build(item, allowed: ["phone", "email", "totp"], existing: methods, now: now) {
            case .failure(let refusal): return refusal.reply
            case .success(let method): methods.append(method)
            }
        }
        state.auth0.users[userIndex].methods = methods
        return .json(200, .array(methods.map(answered)))
    }

    static func update(_ request: IncomingRequest, userIndex: Int, index: Int, state: inout SandboxState) -> HTTPReply {
        guard let body = request.jsonBody, body.members != nil else { return invalid("the body must be a JSON object.") }
        var method = state.auth0.users[userIndex].methods[index]
        for member in body.members ?? [] where !["name", "preferred_authentication_method"].contains(member.key) {
            return invalid("Additional properties not allowed: \(member.key). Only name and preferred_authentication_method can change.")
        }
        if let name = body["name"] {
            guard let text = name.stringValue else { return invalid("name must be a string.") }
            method.set("name", .string(text))
        }
        if let preferred = body["preferred_authentication_method"] {
            guard method["type"]?.stringValue == "phone" else {
                return invalid("preferred_authentication_method applies to phone methods only.")
            }
            guard let text = preferred.stringValue, ["sms", "voice"].contains(text) else {
                return invalid("preferred_authentication_method must be sms or voice.")
            }
            method.set("preferred_authentication_method", .string(text))
        }
        state.auth0.users[userIndex].methods[index] = method
        return .json(200, method)
    }
}
