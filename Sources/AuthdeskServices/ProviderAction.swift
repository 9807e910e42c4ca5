/// An action a provider may offer on a user, so that the console shows only the actions that
/// apply to the tenant's service (see ``IdentityProvider/capabilities``).
public enum ProviderAction: String, Sendable, Hashable, CaseIterable {
    // Graph's actions, on the protocol.
    /// ``IdentityProvider/addPhone(to:number:type:)`` and ``IdentityProvider/updatePhone(of:type:number:)``.
    case addPhone
    case updatePhone
    /// ``IdentityProvider/setSmsSignIn(of:enabled:)``.
    case setSmsSignIn
    /// ``IdentityProvider/addEmail(to:address:)``.
    case addEmail
    /// ``IdentityProvider/updateEmail(of:address:)``.
    case updateEmail
    /// ``IdentityProvider/deleteMethod(_:of:)``.
    case deleteMethod
    /// ``IdentityProvider/deactivateHardwareOath(_:of:)``.
    case deactivateHardwareOath
    /// ``IdentityProvider/createTemporaryAccessPass(for:_:)``.
    case createTemporaryAccessPass
    /// ``IdentityProvider/signInPreferences(of:)`` and ``IdentityProvider/setDefaultMethod(of:to:)``.
    case readDefaultMethod
    case setDefaultMethod
    /// ``IdentityProvider/revokeSessions(of:)``.
    case revokeSessions
    /// ``IdentityProvider/resetPassword(of:newPassword:)``.
    case resetPassword
    /// ``IdentityProvider/operationUpdates(of:)``: the reset is a long-running operation to follow.
    case followPasswordReset

    /// ``IdentityProvider/setAccountEnabled(of:enabled:)``: block or unblock sign-in.
    case setAccountEnabled
    /// ``IdentityProvider/perUserMfaState(of:)`` and ``IdentityProvider/setPerUserMfaState(of:to:)``.
    case perUserMfa
    /// ``IdentityProvider/createQrCodePin(for:_:)``, its PIN reset and temporary QR codes.
    case qrCodePin

    // Auth0's own actions, on ``Auth0Provider``.
    /// ``Auth0Provider/createMethod(for:_:)``: phone (SMS or voice), e-mail, TOTP, security key.
    case createAuth0Method
    /// ``Auth0Provider/updateMethod(_:of:name:preferred:)``: a method's name or a phone's channel.
    case updateAuth0Method
    /// ``Auth0Provider/replaceMethods(of:with:)``: every method replaced by the given ones.
    case replaceAllMethods
    /// ``Auth0Provider/deleteAllMethods(of:)``.
    case deleteAllMethods
    /// ``Auth0Provider/deleteAllAuthenticators(of:)``: every MFA enrollment (Guardian) removed.
    case deleteAllAuthenticators
    /// ``Auth0Provider/invalidateRememberedBrowsers(of:)``: MFA asked again on every browser.
    case invalidateRememberedBrowsers
    /// ``IdentityProvider/createEnrollmentTicket(for:_:)``: a link the user opens to enrol a factor.
    case createEnrollmentTicket

    /// What Microsoft Graph offers: every action on the protocol.
    public static let graph: Set<ProviderAction> = [
        .addPhone, .updatePhone, .setSmsSignIn, .addEmail, .updateEmail, .deleteMethod,
        .deactivateHardwareOath, .createTemporaryAccessPass, .readDefaultMethod, .setDefaultMethod,
        .revokeSessions, .resetPassword, .followPasswordReset, .setAccountEnabled, .perUserMfa,
        .qrCodePin,
    ]

    /// What the Auth0 Management API offers. Session revocation invalidates remembered browsers
    /// and deletes sessions where the plan allows (``Auth0Provider/signOut(_:)``).
    public static let auth0: Set<ProviderAction> = [
        .addPhone, .addEmail, .deleteMethod, .resetPassword, .createAuth0Method, .updateAuth0Method,
        .replaceAllMethods, .deleteAllMethods, .deleteAllAuthenticators, .invalidateRememberedBrowsers,
        .setAccountEnabled, .revokeSessions, .createEnrollmentTicket,
    ]
}
