import Foundation

/// Graph's actions on one method: SMS sign-in on and off for the mobile phone, hardware OATH
/// tokens activated, deactivated and assigned (beta `assignAndActivate`).
enum GraphMethodActions {
    static func action(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String, action: String,
                       state: inout SandboxState) -> HTTPReply {
        switch (type, action) {
        case (.password, "resetPassword"):
            return GraphUserWrites.resetPassword(context, target: target, methodId: id, state: &state)
        case (.phone, "enableSmsSignIn"), (.phone, "disableSmsSignIn"):
            return change(context, target: target, type: .phone, id: id, state: &state) { phone in
                guard phone.phoneType == "mobile" else {
                    return GraphWrites.bad(context, "SMS sign-in is available for the mobile phone only.")
                }
                phone.body.set("smsSignInState", .string(action == "enableSmsSignIn" ? "ready" : "notEnabled"))
                return nil
            }
        case (.hardwareOath, "activate"), (.hardwareOath, "deactivate"):
            return change(context, target: target, type: .hardwareOath, id: id, state: &state) { token in
                if action == "activate" {
                    guard let code = context.request.jsonBody?["verificationCode"]?.stringValue, code.wholeMatch(of: /\d{6,8}/) != nil else {
                        return GraphWrites.bad(context, "activate needs a verificationCode: the 6 to 8 digits the token shows.")
                    }
                }
                var device = token.body["device"] ?? .obj([:])
                device.set("status", .string(action == "activate" ? "activated" : "assigned"))
                token.body.set("device", device)
                return nil
            }
        default:
            return context.error(400, "BadRequest", "Resource not found for the segment '\(action)'.")
        }
    }

    /// Changes the user's method of `type` with `id` in place (204), once the write is allowed;
    /// `edit` refuses with a reply, or changes the method and returns nil.
    private static func change(_ context: GraphContext, target: GraphTarget, type: GraphMethodType, id: String,
                               state: inout SandboxState, _ edit: (inout MethodRecord) -> HTTPReply?) -> HTTPReply {
        if let refusal = GraphWrites.refusal(context, target: target, state: state) { return refusal }
        guard let method = GraphWrites.user(state, target).methods(of: type).first(where: { $0.id.equalsIgnoringCase(id) }) else {
            return GraphWrites.notFound(context, id)
        }
        var changed = method
        if let refusal = edit(&changed) { return refusal }
        GraphWrites.mutateUser(&state, target) { user in
            if let index = user.methods.firstIndex(of: method) { user.methods[index] = changed }
        }
        return .empty(204)
    }

    /// Beta `hardwareOathMethods/assignAndActivate`: body `{"device": {"id"|"serialNumber"},
    /// "verificationCode", "displayName"}`; the sandbox has no token inventory, so any device is
    /// accepted once, and comes back activated (201).
    static func assignHardwareToken(_ context: GraphContext, target: GraphTarget, state: inout SandboxState) -> HTTPReply {
        if let refusal = GraphWrites.refusal(context, target: target, state: state) { return refusal }
        guard let body = context.request.jsonBody, let device = body["device"], device.members != nil else {
            return GraphWrites.bad(context, "assignAndActivate needs a device object with an id or a serialNumber.")
        }
        guard let code = body["verificationCode"]?.stringValue, code.wholeMatch(of: /\d{6,8}/) != nil else {
            return GraphWrites.bad(context, "assignAndActivate needs a verificationCode: the 6 to 8 digits the token shows.")
        }
        let serial = device["serialNumber"]?.stringValue
        let deviceId = device["id"]?.stringValue ?? UUID().uuidString.lowercased()
        guard serial != nil || device["id"]?.stringValue != nil else {
            return GraphWrites.bad(context, "assignAndActivate needs a device object with an id or a serialNumber.")
        }
        let taken = state.tenants[target.tenantIndex].users.contains { user in
            user.methods(of: .hardwareOath).contains {
                $0.body["device"]?["id"]?.stringValue == deviceId || (serial != nil && $0.body["device"]?["serialNumber"]?.stringValue == serial)
            }
        }
        guard !taken else { return GraphWrites.bad(context, "This hardware token is already assigned to a user.") }
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
        GraphWrites.mutateUser(&state, target) { user in
            user.methods.insert(method, at: 0)
            if user.preferredMethod == nil { user.preferredMethod = "oath" }
        }
        return GraphWrites.created(context, target: target, method: method)
    }
}
