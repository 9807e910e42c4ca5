/// A user's sign-in preferences (Graph beta `signInPreferences`): which method is the default
/// second factor, and whether the system picks the most secure one instead.
public struct SignInPreferences: Sendable, Hashable {
    public var userPreferredMethodForSecondaryAuthentication: DefaultMethod?
    /// The raw value when it is not one ``DefaultMethod`` knows.
    public var rawPreferredMethod: String?
    public var isSystemPreferredAuthenticationMethodEnabled: Bool?

    public init(
        userPreferredMethodForSecondaryAuthentication: DefaultMethod?, rawPreferredMethod: String? = nil,
        isSystemPreferredAuthenticationMethodEnabled: Bool? = nil
    ) {
        self.userPreferredMethodForSecondaryAuthentication = userPreferredMethodForSecondaryAuthentication
        self.rawPreferredMethod = rawPreferredMethod
        self.isSystemPreferredAuthenticationMethodEnabled = isSystemPreferredAuthenticationMethodEnabled
    }
}
