import Foundation

/// Graph's write endpoints: phone, email and TAP methods, deletions, SMS sign-in, hardware OATH
/// activation, sign-in preferences, password reset and session revocation, with the rules of
/// the real service (fixed ids, one phone per type, number format, the default method last,
/// roles of the signed-in operator).
enum GraphWrites {
    static let writePermission = "UserAuthenticationMethod.ReadWrite.All"
    static let defaultMethodNames = ["push", "oath", "voiceMobile", "voiceAlternateMobile", "voiceOffice", "sms"]
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

    // MARK: Sessions

    static func revokeSessions(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        if let refusal = refusal(context, target: target, state: state) { return refusal }
        let userId = user(state, target).id
        mutateUser(&state, target) { $0.sessionsRevokedAt = context.now }
        state.refreshTokens = state.refreshTokens.filter { $0.value.userId != userId }
        return .json(200, .obj([
            "@odata.context": .string("\(context.base)/$metadata#Edm.Boolean"),
            "value": .bool(true),
        ]))
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
        guard let existing = user(state, target).methods(of: type).first(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) else {
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
        guard let method = current.methods(of: type).first(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) else {
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

    // MARK: Actions

    static func action(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String, action: String,
                       state: inout SandboxState) -> HTTPReply {
        switch (type, action) {
        case (.password, "resetPassword"):
            return resetPassword(context, target: target, methodId: id, state: &state)
        case (.phone, "enableSmsSignIn"), (.phone, "disableSmsSignIn"):
            if let refusal = refusal(context, target: target, state: state) { return refusal }
            guard let phone = user(state, target).methods(of: .phone).first(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) else {
                return notFound(context, id)
            }
            guard phone.phoneType == "mobile" else {
                return bad(context, "SMS sign-in is available for the mobile phone only.")
            }
            var changed = phone
            changed.body.set("smsSignInState", .string(action == "enableSmsSignIn" ? "ready" : "notEnabled"))
            mutateUser(&state, target) { user in
                if let index = user.methods.firstIndex(of: phone) { user.methods[index] = changed }
            }
            return .empty(204)
        case (.hardwareOath, "activate"), (.hardwareOath, "deactivate"):
            if let refusal = refusal(context, target: target, state: state) { return refusal }
            guard let token = user(state, target).methods(of: .hardwareOath).first(where: { $0.id.caseInsensitiveCompare(id) == .orderedSame }) else {
                return notFound(context, id)
            }
            if action == "activate" {
                guard let code = context.request.jsonBody?["verificationCode"]?.stringValue, code.wholeMatch(of: /\d{6,8}/) != nil else {
                    return bad(context, "activate needs a verificationCode: the 6 to 8 digits the token shows.")
                }
            }
            var changed = token
            var device = token.body["device"] ?? .obj([:])
            device.set("status", .string(action == "activate" ? "activated" : "assigned"))
            changed.body.set("device", device)
            mutateUser(&state, target) { user in
                if let index = user.methods.firstIndex(of: token) { user.methods[index] = changed }
            }
            return .empty(204)
        default:
            return context.error(400, "BadRequest", "Resource not found for the segment '\(action)'.")
        }
    }

    /// Beta `hardwareOathMethods/assignAndActivate`: body `{"device": {"id"|"serialNumber"},
    /// "verificationCode", "displayName"}`; the sandbox has no token inventory, so any device is
    /// accepted once, and comes back activated (201).
    static func assignHardwareToken(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        if let refusal = refusal(context, target: target, state: state) { return refusal }
        guard let body = context.request.jsonBody, let device = body["device"], device.members != nil else {
            return bad(context, "assignAndActivate needs a device object with an id or a serialNumber.")
        }
        guard let code = body["verificationCode"]?.stringValue, code.wholeMatch(of: /\d{6,8}/) != nil else {
            return bad(context, "assignAndActivate needs a verificationCode: the 6 to 8 digits the token shows.")
        }
        let serial = device["serialNumber"]?.stringValue
        let deviceId = device["id"]?.stringValue ?? UUID().uuidString.lowercased()
        guard serial != nil || device["id"]?.stringValue != nil else {
            return bad(context, "assignAndActivate needs a device object with an id or a serialNumber.")
        }
        let taken = state.tenants[target.tenantIndex].users.contains { user in
            user.methods(of: .hardwareOath).contains {
                $0.body["device"]?["id"]?.stringValue == deviceId || (serial != nil && $0.body["device"]?["serialNumber"]?.stringValue == serial)
            }
        }
        guard !taken else { return bad(context, "This hardware token is already assigned to a user.") }
        let name = body["displayName"]?.stringValue ?? "Hardware token"
        let method = MethodRecord(type: .hardwareOath, body: .obj([
            "id": .string(deviceId), "createdDateTime": .string(Timestamps.iso(context.now)), "displayName": .string(name),
            "device": .obj([
                "id": .string(deviceId), "displayName": .string(name), "serialNumber": .str(serial),
                "manufacturer": .str(device["manufacturer"]?.stringValue), "model": .str(device["model"]?.stringValue),
                "secretKey": .null, "timeIntervalInSeconds": .int(30), "hashFunction": .string("hmacsha1"),
                "status": .string("activated"),
            ]),
        ]))
        mutateUser(&state, target) { user in
            user.methods.insert(method, at: 0)
            if user.preferredMethod == nil { user.preferredMethod = "oath" }
        }
        return created(context, target: target, method: method)
    }

    // MARK: Sign-in preferences

    static func patchSignInPreferences(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        if let refusal = refusal(context, target: target, state: state) { return refusal }
        guard let body = context.request.jsonBody, body.members != nil else {
            return bad(context, "The request body must be a JSON object.")
        }
        var preferred = user(state, target).preferredMethod
        if let value = body["userPreferredMethodForSecondaryAuthentication"] {
            guard let name = value.stringValue, defaultMethodNames.contains(name) else {
                return bad(context, "Invalid userPreferredMethodForSecondaryAuthentication: use one of \(defaultMethodNames.joined(separator: ", ")).")
            }
            guard user(state, target).methods.contains(where: { $0.defaultMethodNames.contains(name) }) else {
                return bad(context, "The user has no registered method that can serve as '\(name)'.")
            }
            preferred = name
        }
        var systemPreferred = user(state, target).systemPreferredMethodEnabled
        if let value = body["isSystemPreferredAuthenticationMethodEnabled"] {
            guard let flag = value.boolValue else {
                return bad(context, "isSystemPreferredAuthenticationMethodEnabled must be true or false.")
            }
            systemPreferred = flag
        }
        mutateUser(&state, target) { user in
            user.preferredMethod = preferred
            user.systemPreferredMethodEnabled = systemPreferred
        }
        return .empty(204)
    }

    // MARK: Password reset

    static func resetPassword(_ context: GraphContext, target: GraphTarget, methodId: String, state: inout SandboxState) -> HTTPReply {
        guard methodId.lowercased() == GraphIds.passwordMethod else {
            return bad(context, "resetPassword is an action of the password method \(GraphIds.passwordMethod) only.")
        }
        guard let operatorId = context.token.userId else {
            return context.error(403, "accessDenied",
                                 "Request Authorization failed: password reset needs a signed-in operator (delegated token); application permissions are not supported.")
        }
        let current = user(state, target)
        guard operatorId != current.id else {
            return context.error(403, "accessDenied", "Request Authorization failed: an operator cannot reset their own password this way.")
        }
        if let refusal = refusal(context, target: target, state: state) { return refusal }
        let body = context.request.jsonBody
        var generated: String?
        if let supplied = body?["newPassword"], !supplied.isNull {
            guard let password = supplied.stringValue, isComplex(password) else {
                return bad(context, "The new password does not meet the complexity requirements: 8 to 256 characters with three of upper case, lower case, digits and symbols.")
            }
        } else {
            guard current.onPremisesSyncEnabled != true else {
                return bad(context, "A new password must be supplied for a user synchronized from on-premises.")
            }
            generated = generatePassword()
        }
        let tenant = state.tenants[target.tenantIndex]
        let operation = OperationRecord(id: UUID().uuidString.lowercased(), tenantId: tenant.id, userId: current.id,
                                        createdAt: context.now,
                                        willFail: current.onPremisesSyncEnabled == true && !tenant.passwordWriteback)
        state.operations[operation.id] = operation
        let location = "\(context.base)/users/\(current.id)/authentication/operations/\(operation.id)?aadgdc=SBX01P&aadgsu=ssprprod-a"
        let headers: [(name: String, value: String)] = [("Location", location), ("Retry-After", "1")]
        guard let generated else { return .empty(202, headers: headers) }
        return .json(202, .obj([
            "@odata.context": .string("\(context.base)/$metadata#microsoft.graph.passwordResetResponse"),
            "newPassword": .string(generated),
        ]), headers: headers)
    }

    static func isComplex(_ password: String) -> Bool {
        guard (8...256).contains(password.count) else { return false }
        let classes = [
            password.contains { $0.isUppercase }, password.contains { $0.isLowercase },
            password.contains { $0.isNumber }, password.contains { !$0.isLetter && !$0.isNumber },
        ]
        return classes.filter { $0 }.count >= 3
    }

    /// A password like the service's (`Hopu0277`): a capital, three lower-case letters, four digits.
    static func generatePassword() -> String {
        SandboxState.randomString(1, alphabet: "BCDFGHJKLMNPQRSTVWXZ")
            + SandboxState.randomString(3, alphabet: "abcdefghijkmnopqrstuvwxyz")
            + SandboxState.randomString(4, alphabet: "0123456789")
    }
}
