import Foundation

/// An Auth0 authentication method (`phone|dev_...`, `totp|dev_...`, ...), fields as Auth0 names them.
public struct Auth0Method: Sendable, Hashable {
    public var id: String
    /// Auth0's `type`: phone, email, totp, webauthn-roaming, passkey, push, recovery-code, ...
    public var type: String
    public var name: String?
    public var confirmed: Bool?
    public var phoneNumber: String?
    public var email: String?
    /// `sms` or `voice` for a phone.
    public var preferredAuthenticationMethod: String?
    public var createdAt: Date?
    public var lastAuthAt: Date?

    public init(
        id: String, type: String, name: String? = nil, confirmed: Bool? = nil,
        phoneNumber: String? = nil, email: String? = nil,
        preferredAuthenticationMethod: String? = nil, createdAt: Date? = nil, lastAuthAt: Date? = nil
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.confirmed = confirmed
        self.phoneNumber = phoneNumber
        self.email = email
        self.preferredAuthenticationMethod = preferredAuthenticationMethod
        self.createdAt = createdAt
        self.lastAuthAt = lastAuthAt
    }

    /// The flat kind of this method's `type`.
    public var kind: MethodKind {
        switch type {
        case "phone": .auth0Phone
        case "email": .auth0Email
        case "totp": .auth0Totp
        case "webauthn-roaming": .auth0WebAuthnRoaming
        case "webauthn-platform": .auth0WebAuthnPlatform
        case "passkey": .auth0Passkey
        case "push": .auth0Push
        case "recovery-code": .auth0RecoveryCode
        case "guardian": .auth0Guardian
        case "email-verification": .auth0EmailVerification
        case "password": .auth0Password
        default: .unknown
        }
    }
}
