import Foundation

/// One authentication method of a Graph user, kept in its wire shape (without `@odata.type`).
struct MethodRecord: Sendable, Equatable {
    var type: GraphMethodType
    /// The object as Graph returns it: `id` first, then the type's properties.
    var body: JSON

    var id: String { body["id"]?.stringValue ?? "" }

    /// For phones: mobile, alternateMobile or office.
    var phoneType: String? { body["phoneType"]?.stringValue }

    /// The object as an item of `/authentication/methods`: with its `@odata.type` first.
    var typedBody: JSON {
        body.prepending([JSON.Member(key: "@odata.type", value: .string(type.odataType))])
    }

    /// The default-method names (signInPreferences) this method can serve as.
    var defaultMethodNames: [String] {
        switch type {
        case .microsoftAuthenticator: return ["push"]
        case .softwareOath, .hardwareOath: return ["oath"]
        case .phone:
            switch phoneType {
            case "mobile": return ["sms", "voiceMobile"]
            case "alternateMobile": return ["voiceAlternateMobile"]
            case "office": return ["voiceOffice"]
            default: return []
            }
        default: return []
        }
    }

    /// Whether the user can sign in with this method: a hardware OATH token only while it is
    /// activated (an assigned or deactivated token shows no codes the service accepts).
    var canSignIn: Bool {
        guard type == .hardwareOath else { return true }
        return body["device"]?["status"]?.stringValue == "activated"
    }

    /// The method as it reads at `now`: a Temporary Access Pass is usable only between its
    /// start and the end of its lifetime (`NotYetValid`, `EnabledByPolicy`, `Expired`).
    func current(at now: Date) -> MethodRecord {
        guard type == .temporaryAccessPass, let startText = body["startDateTime"]?.stringValue,
              let start = Timestamps.parse(startText), let lifetime = body["lifetimeInMinutes"]?.intValue else { return self }
        var copy = self
        let reason: String
        if now < start.addingTimeInterval(-1) {
            reason = "NotYetValid"
        } else if now >= start.addingTimeInterval(Double(lifetime) * 60) {
            reason = "Expired"
        } else if body["methodUsabilityReason"]?.stringValue == "OneTimeUsed" {
            reason = "OneTimeUsed"
        } else {
            reason = "EnabledByPolicy"
        }
        copy.body.set("isUsable", .bool(reason == "EnabledByPolicy"))
        copy.body.set("methodUsabilityReason", .string(reason))
        return copy
    }

    /// A method from its wire shape (with `@odata.type`); nil when the type is unknown.
    init?(wire: JSON) {
        guard let odata = wire["@odata.type"]?.stringValue, let type = GraphMethodType(odataType: odata),
              wire["id"]?.stringValue != nil else { return nil }
        var body = wire
        body.remove("@odata.type")
        self.type = type
        self.body = body
    }

    init(type: GraphMethodType, body: JSON) {
        self.type = type
        self.body = body
    }
}
