import Foundation

/// Graph's writes of methods: phone, email and TAP methods created, updated and deleted, with
/// the rules of the real service (fixed ids, one phone per type, number format, the default
/// method last, roles of the signed-in operator); the authorization and replies that
/// ``GraphMethodActions`` and ``GraphUserWrites`` share.
enum GraphWrites {
    static let writePermission = "UserAuthenticationMethod.ReadWrite.All"
    static let defaultDeletionMessage = "Cannot delete default method with other methods configured. Please change default method before deletion."

    // MARK: Authorization

    /// Refuses a write the token may not make: no write permission, or a delegated operator
    /// whose role does not cover the target (an Authentication Administrator and an admin).
    static func refusal(_ context: GraphContext, target: GraphTarget, state: SandboxState) -> HTTPReply? {
        guard context.token.allows(writePermission) else {
            return context.error(403, "accessDenied", "Request Authorization failed: the token lacks \(writePermission).")
        }
        guard let operatorId = context.token.userId else { return nil }
        let tenant = state.tenants[target.tenantIndex]
        guard let op = tenant.user(operatorId), let role = op.role, role.mayManageMethods else {
            return context.error(403, "accessDenied", "Request Authorization failed")
        }
        if !role.mayManageMethods(of: tenant.users[target.userIndex].role) {
            return context.error(403, "accessDenied", "Request Authorization failed")
        }
        return nil
    }

    static func user(_ state: SandboxState, _ target: GraphTarget) -> UserRecord {
        state.tenants[target.tenantIndex].users[target.userIndex]
    }

    static func mutateUser(_ state: inout SandboxState, _ target: GraphTarget, _ body: (inout UserRecord) -> Void) {
        body(&state.tenants[target.tenantIndex].users[target.userIndex])
    }

    static func bad(_ context: GraphContext, _ message: String) -> HTTPReply {
        context.error(400, "badRequest", message)
    }

    static func notFound(_ context: GraphContext, _ id: String) -> HTTPReply {
        context.error(404, "itemNotFound", "The requested authentication method '\(id)' was not found for this user.")
    }

    static func entityContext(_ context: GraphContext, target: GraphTarget, segment: String) -> JSON.Member {
        JSON.Member(key: "@odata.context",
                    value: .string("\(context.base)/$metadata#users('\(GraphContext.contextKey(target.key))')/authentication/\(segment)/$entity"))
    }

    // MARK: Create

    static func create(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, state: inout SandboxState) -> HTTPReply {
        guard [.phone, .email, .temporaryAccessPass].contains(type) else {
            return context.error(405, "Request_BadRequest", "Methods of type \(type.segment) cannot be created through the API; the user registers them.")
        }
        if let refusal = refusal(context, target: target, state: state) { return refusal }
        guard let body = context.request.jsonBody, body.members != nil else {
            return bad(context, "The request body must be a JSON object.")
        }
        switch type {
        case .phone: return createPhone(context, target: target, body: body, state: &state)
        case .email: return createEmail(context, target: target, body: body, state: &state)
        default: return createTAP(context, target: target, body: body, state: &state)
        }
    }

    static func createPhone(_ context: GraphContext, target: GraphTarget, body: JSON, state: inout SandboxState) -> HTTPReply {
        guard let phoneType = body["phoneType"]?.stringValue, let id = GraphIds.phone(phoneType) else {
            return bad(context, "Invalid value for phoneType: use mobile, alternateMobile or office.")
        }
        guard let number = body["phoneNumber"]?.stringValue, isPhoneNumber(number) else {
            return bad(context, "Invalid phone number format. Use +{country code} {number}, optionally x{extension}, e.g. +1 2065555555 or +1 5555551234x123.")
        }
        let current = user(state, target)
        guard !current.methods.contains(where: { $0.phoneType == phoneType }) else {
            return bad(context, "The user already has a phone of type \(phoneType); update it with PATCH instead.")
        }
        if phoneType == "alternateMobile", !current.methods.contains(where: { $0.phoneType == "mobile" }) {
            return bad(context, "An alternateMobile phone needs a mobile phone first: add the mobile phone, then the alternateMobile one.")
        }
        let sms = phoneType == "mobile" ? (context.isBeta ? "ready" : "notAllowedByPolicy") : "notSupported"
        let method = MethodRecord(type: .phone, body: .obj([
            "id": .string(id), "phoneNumber": .string(number), "phoneType": .string(phoneType), "smsSignInState": .string(sms),
        ]))
        mutateUser(&state, target) { user in
            user.methods.insert(method, at: 0)
            if phoneType == "mobile" { user.mobilePhone = number }
            if user.preferredMethod == nil { user.preferredMethod = method.defaultMethodNames.first }
        }
        return created(context, target: target, method: method)
    }

    static func created(_ context: GraphContext, target: GraphTarget, method: MethodRecord) -> HTTPReply {
        let location = "\(context.base)/users/\(pathKey(target))/authentication/\(method.type.segment)/\(method.id)"
        return .json(201, method.body.prepending([entityContext(context, target: target, segment: method.type.segment)]),
                     headers: [("Location", location)])
    }

    private static func pathKey(_ target: GraphTarget) -> String {
        target.key.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "@"))) ?? target.key
    }

    static func createEmail(_ context: GraphContext, target: GraphTarget, body: JSON, state: inout SandboxState) -> HTTPReply {
        guard let address = body["emailAddress"]?.stringValue, isEmail(address) else {
            return bad(context, "Invalid value for emailAddress: give an e-mail address such as kim@example.org.")
        }
        guard user(state, target).methods(of: .email).isEmpty else {
            return bad(context, "The user already has an email method; update it with PATCH instead.")
        }
        let method = MethodRecord(type: .email, body: .obj(["id": .string(GraphIds.email), "emailAddress": .string(address)]))
        mutateUser(&state, target) { $0.methods.insert(method, at: 0) }
        return created(context, target: target, method: method)
    }

    /// `+{country code} {number}` with an optional `x{extension}`.
    static func isPhoneNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /\+[1-9]\d{0,2} \d{4,15}(x\d{1,10})?/) != nil
    }

    static func isEmail(_ text: String) -> Bool {
        text.wholeMatch(of: /[^@\s]+@[^@\s]+\.[^@\s]+/) != nil
    }

    static func createTAP(_ context: GraphContext, target: GraphTarget, body: JSON, state: inout SandboxState) -> HTTPReply {
        var lifetime = 60
        if let value = body["lifetimeInMinutes"], !value.isNull {
            guard let minutes = value.intValue, (10...43200).contains(minutes) else {
                return bad(context, "lifetimeInMinutes must be a whole number from 10 to 43200 (30 days).")
            }
            lifetime = minutes
        }
        var usableOnce = false
        if let value = body["isUsableOnce"], !value.isNull {
            guard let flag = value.boolValue else { return bad(context, "isUsableOnce must be true or false.") }
            usableOnce = flag
        }
        var start = context.now
        if let value = body["startDateTime"], !value.isNull {
            guard let text = value.stringValue, let date = Timestamps.parse(text) else {
                return bad(context, "startDateTime must be an ISO 8601 date and time, e.g. 2024-01-18T16:37:10Z.")
            }
            start = date
        }
        let usable = start <= context.now.addingTimeInterval(1) && start.addingTimeInterval(Double(lifetime) * 60) > context.now
        let pass = SandboxState.randomString(8, alphabet: "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789") + "!"
        let stored = MethodRecord(type: .temporaryAccessPass, body: .obj([
            "id": .string(UUID().uuidString.lowercased()),
            "temporaryAccessPass": .null,
            "createdDateTime": .string(Timestamps.iso(context.now)),
            "startDateTime": .string(Timestamps.iso(start)),
            "lifetimeInMinutes": .int(lifetime),
            "isUsableOnce": .bool(usableOnce),
            "isUsable": .bool(usable),
            "methodUsabilityReason": .string(usable ? "EnabledByPolicy" : "NotYetValid"),
        ]))
        mutateUser(&state, target) { user in
            user.methods.removeAll { $0.type == .temporaryAccessPass }
            user.methods.insert(stored, at: 0)
        }
        var shown = stored
        shown.body.set("temporaryAccessPass", .string(pass))
        return created(context, target: target, method: shown)
    }

    // MARK: Update

    static func update(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String, state: inout SandboxState) -> HTTPReply {
        guard type == .phone || type == .email else {
            return context.error(405, "Request_BadRequest", "Methods of type \(type.segment) cannot be updated.")
        }
        if let refusal = refusal(context, target: target, state: state) { return refusal }
        guard let existing = user(state, target).methods(of: type).first(where: { $0.id.equalsIgnoringCase(id) }) else {
            return notFound(context, id)
        }
        guard let body = context.request.jsonBody, body.members != nil else {
            return bad(context, "The request body must be a JSON object.")
        }
        var changed = existing
        if type == .email {
            guard let address = body["emailAddress"]?.stringValue, isEmail(address) else {
                return bad(context, "Invalid value for emailAddress: give an e-mail address such as kim@example.org.")
            }
            changed.body.set("emailAddress", .string(address))
        } else {
            if let phoneType = body["phoneType"], !phoneType.isNull, phoneType.stringValue != existing.phoneType {
                return bad(context, "The type of a phone cannot be changed: delete it and add a phone of the other type.")
            }
            if let numberValue = body["phoneNumber"] {
                guard let number = numberValue.stringValue, isPhoneNumber(number) else {
                    return bad(context, "Invalid phone number format. Use +{country code} {number}, optionally x{extension}, e.g. +1 2065555555 or +1 5555551234x123.")
                }
                changed.body.set("phoneNumber", .string(number))
            }
        }
        mutateUser(&state, target) { user in
            if let index = user.methods.firstIndex(of: existing) { user.methods[index] = changed }
            if changed.phoneType == "mobile" { user.mobilePhone = changed.body["phoneNumber"]?.stringValue }
        }
        return .empty(204)
    }

    // MARK: Delete

    static func delete(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String, state: inout SandboxState) -> HTTPReply {
        guard type.deletable else {
            return bad(context, "The password method cannot be deleted; reset the password instead.")
        }
        if let refusal = refusal(context, target: target, state: state) { return refusal }
        let current = user(state, target)
        guard let method = current.methods(of: type).first(where: { $0.id.equalsIgnoringCase(id) }) else {
            return notFound(context, id)
        }
        if method.phoneType == "mobile", current.methods.contains(where: { $0.phoneType == "alternateMobile" }) {
            return bad(context, "Cannot delete the mobile phone while an alternateMobile phone is configured. Delete the alternateMobile phone first.")
        }
        let isDefault = current.preferredMethod.map { method.defaultMethodNames.contains($0) } ?? false
        // Only methods the user can still sign in with count as "other methods": a hardware
        // OATH token that is deactivated (assigned, not activated) cannot be used to sign in,
        // so it does not keep the default from being deleted last.
        let others = current.methods.filter { $0 != method && $0.type.canBeDefault && $0.canSignIn }
        if isDefault, !others.isEmpty {
            return bad(context, defaultDeletionMessage)
        }
        mutateUser(&state, target) { user in
            user.methods.removeAll { $0 == method }
            if isDefault { user.preferredMethod = nil }
            if method.phoneType == "mobile" { user.mobilePhone = nil }
        }
        return .empty(204)
    }
}
