import Foundation

/// What Entra's registration report says one user registered (`userRegistrationDetails/{id}`):
/// whether MFA is registered and usable, the methods, the default, and when it was worked out.
public struct RegistrationDetails: Sendable, Hashable, Codable {
    public var isMfaRegistered: Bool?
    public var isMfaCapable: Bool?
    public var isPasswordlessCapable: Bool?
    public var isSsprRegistered: Bool?
    /// The report's names (`mobilePhone`, `microsoftAuthenticatorPush`, `fido2SecurityKey`, ...).
    public var methodsRegistered: [String]
    /// The method Entra uses by default (`defaultMfaMethod`), when the report names one.
    public var defaultMfaMethod: String?
    /// The default second factor the user or an operator chose.
    public var userPreferredMethod: String?
    public var lastUpdated: Date?

    public init(
        isMfaRegistered: Bool? = nil, isMfaCapable: Bool? = nil, isPasswordlessCapable: Bool? = nil,
        isSsprRegistered: Bool? = nil, methodsRegistered: [String] = [], defaultMfaMethod: String? = nil,
        userPreferredMethod: String? = nil, lastUpdated: Date? = nil
    ) {
        self.isMfaRegistered = isMfaRegistered
        self.isMfaCapable = isMfaCapable
        self.isPasswordlessCapable = isPasswordlessCapable
        self.isSsprRegistered = isSsprRegistered
        self.methodsRegistered = methodsRegistered
        self.defaultMfaMethod = defaultMfaMethod
        self.userPreferredMethod = userPreferredMethod
        self.lastUpdated = lastUpdated
    }
}
