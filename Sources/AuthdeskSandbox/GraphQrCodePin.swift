import Foundation

/// Graph's QR code + PIN method (v1.0 `authentication/qrCodePinMethod`): one per user; PUT
/// creates it (201, the only answer that carries the PIN), DELETE removes it (204); PUT
/// `temporaryQRCode` adds a 1-12 hour code (400 while one is active; DELETE it first); PATCH
/// `pin` resets the PIN (200, the PIN echoed once; the user changes it at the next sign-in).
enum GraphQrCodePin {
    static let pinLengths = 8...20

    static func handle(_ context: GraphContext, target: GraphTarget, rest: [String], state: inout SandboxState) -> HTTPReply {
        let method = context.request.method
        let existing = GraphWrites.user(state, target).methods(of: .qrCodePin).first
        if method != "GET", let refusal = GraphWrites.refusal(context, target: target, state: state) { return refusal }
        switch (method, rest.first, rest.count) {
        case ("GET", nil, 0):
            guard let existing else { return notFound(context) }
            return .json(200, existing.body.prepending([GraphWrites.entityContext(context, target: target, segment: "qrCodePinMethod")]))
        case ("PUT", nil, 0):
            return create(context, target: target, existing: existing, state: &state)
        case ("DELETE", nil, 0):
            guard existing != nil else { return notFound(context) }
            GraphWrites.mutateUser(&state, target) { $0.methods.removeAll { $0.type == .qrCodePin } }
            return .empty(204)
        case ("PUT", "temporaryQRCode", 1):
            guard var record = existing else { return notFound(context) }
            if let current = record.body["temporaryQRCode"]?["expireDateTime"]?.stringValue.flatMap(Timestamps.parse), current > context.now {
                return GraphWrites.bad(context, "The user already has an active temporary QR code; delete it before creating another.")
            }
            guard let window = window(context, maxHours: 12, defaultHours: nil) else {
                return GraphWrites.bad(context, "A temporary QR code needs startDateTime and expireDateTime at most 12 hours apart (at least 1 hour).")
            }
            let code = qrCode(window, now: context.now)
            record.body.set("temporaryQRCode", code)
            replace(record, in: &state, target)
            return .json(201, code)
        case ("DELETE", "temporaryQRCode", 1):
            guard var record = existing else { return notFound(context) }
            record.body.set("temporaryQRCode", .null)
            replace(record, in: &state, target)
            return .empty(204)
        case ("PATCH", "pin", 1):
            guard var record = existing else { return notFound(context) }
            guard let code = context.request.jsonBody?["code"]?.stringValue, isPin(code) else {
                return GraphWrites.bad(context, "The PIN must be 8 to 20 digits, as the tenant's QR code PIN policy requires.")
            }
            let pin = pinObject(now: context.now)
            record.body.set("pin", pin)
            replace(record, in: &state, target)
            var answer = pin
            answer.set("code", .string(code))
            return .json(200, answer)
        default:
            return GraphEndpoints.methodNotAllowed(context)
        }
    }

    static func create(_ context: GraphContext, target: GraphTarget, existing: MethodRecord?, state: inout SandboxState) -> HTTPReply {
        guard existing == nil else {
            return GraphWrites.bad(context, "A user can have only one QR code authentication method; delete the existing one first.")
        }
        guard let body = context.request.jsonBody, body["standardQRCode"] != nil else {
            return GraphWrites.bad(context, "The request needs standardQRCode (startDateTime, expireDateTime) and pin (code).")
        }
        guard let code = body["pin"]?["code"]?.stringValue, isPin(code) else {
            return GraphWrites.bad(context, "The PIN must be 8 to 20 digits, as the tenant's QR code PIN policy requires.")
        }
        guard let window = window(context, in: body["standardQRCode"], maxHours: 395 * 24, defaultHours: 365 * 24) else {
            return GraphWrites.bad(context, "The standard QR code lives at most 395 days: expireDateTime must be after startDateTime and within 395 days of it.")
        }
        let id = UUID().uuidString.lowercased()
        let record = MethodRecord(type: .qrCodePin, body: .obj([
            "id": .string(id),
            "createdDateTime": .string(Timestamps.iso(context.now)),
            "standardQRCode": qrCode(window, now: context.now),
            "temporaryQRCode": .null,
            "pin": pinObject(now: context.now),
        ]))
        GraphWrites.mutateUser(&state, target) { $0.methods.append(record) }
        var answer = record.body
        var pin = pinObject(now: context.now)
        pin.set("code", .string(code))
        answer.set("pin", pin)
        return .json(201, answer.prepending([GraphWrites.entityContext(context, target: target, segment: "qrCodePinMethod")]))
    }

    static func isPin(_ code: String) -> Bool {
        pinLengths.contains(code.count) && code.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The start and end a body asks for, when valid: the end after the start, within `maxHours`.
    static func window(_ context: GraphContext, in body: JSON? = nil, maxHours: Int, defaultHours: Int?) -> (Date, Date)? {
        let body = body ?? context.request.jsonBody
        let start = body?["startDateTime"]?.stringValue.flatMap(Timestamps.parse) ?? context.now
        guard let end = body?["expireDateTime"]?.stringValue.flatMap(Timestamps.parse)
                ?? defaultHours.map({ start.addingTimeInterval(Double($0) * 3600) }) else { return nil }
        let hours = end.timeIntervalSince(start) / 3600
        guard hours >= 1 - 1e-6, hours <= Double(maxHours) + 1e-6 else { return nil }
        return (start, end)
    }

    static func qrCode(_ window: (Date, Date), now: Date) -> JSON {
        .obj([
            "id": .string(UUID().uuidString.lowercased()),
            "startDateTime": .string(Timestamps.iso(window.0)),
            "expireDateTime": .string(Timestamps.iso(window.1)),
            "createdDateTime": .string(Timestamps.iso(now)),
            "lastUsedDateTime": .null,
            "image": .obj(["binaryValue": .string("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), "version": .int(1)]),
        ])
    }

    static func pinObject(now: Date) -> JSON {
        .obj([
            "id": .string(UUID().uuidString.lowercased()),
            "code": .null,
            "forceChangePinNextSignIn": .bool(true),
            "createdDateTime": .string(Timestamps.iso(now)),
            "updatedDateTime": .string(Timestamps.iso(now)),
        ])
    }

    static func replace(_ record: MethodRecord, in state: inout SandboxState, _ target: GraphTarget) {
        GraphWrites.mutateUser(&state, target) { user in
            user.methods = user.methods.map { $0.type == .qrCodePin ? record : $0 }
        }
    }

    static func notFound(_ context: GraphContext) -> HTTPReply {
        context.error(404, "itemNotFound", "The user has no QR code authentication method.")
    }
}
