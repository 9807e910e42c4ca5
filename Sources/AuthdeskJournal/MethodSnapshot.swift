import AuthdeskCore

/// One of a user's methods as the evidence keeps it: id, kind, title and its public detail (a
/// phone number, an address, a device name), with the phone's slot; never a secret.
public struct MethodSnapshot: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var title: String
    public var summary: String
    /// For a phone: `mobile`, `alternateMobile` or `office`.
    public var phoneType: String?
    /// For a phone: the number; for an e-mail method: the address.
    public var value: String?
    /// For a mobile phone: whether SMS sign-in is on (`ready`, `notEnabled`, ...).
    public var smsSignIn: String?

    public init(
        id: String, kind: String, title: String, summary: String, phoneType: String? = nil, value: String? = nil,
        smsSignIn: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.summary = summary
        self.phoneType = phoneType
        self.value = value
        self.smsSignIn = smsSignIn
    }

    /// The snapshot of `method`.
    public init(_ method: AuthMethod) {
        self.init(id: method.id, kind: method.kind.rawValue, title: method.title, summary: method.summary)
        switch method {
        case .phone(let phone):
            phoneType = phone.phoneType?.rawValue
            value = phone.phoneNumber
            smsSignIn = phone.smsSignInState?.rawValue
        case .email(let email):
            value = email.emailAddress
        case .auth0(let auth0):
            value = auth0.phoneNumber ?? auth0.email
            phoneType = auth0.phoneNumber == nil ? nil : PhoneType.mobile.rawValue
        default:
            break
        }
    }
}
