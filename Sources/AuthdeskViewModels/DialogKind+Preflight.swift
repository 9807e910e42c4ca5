import AuthdeskCore

extension DialogKind {
    /// The rule the pre-flight applies to this dialog's change.
    public var preflightAction: PreflightAction {
        switch self {
        case .addPhone, .changePhone, .deleteMethod, .smsSignIn, .addEmail, .changeEmail: .changeMethods
        case .temporaryAccessPass: .temporaryAccessPass
        case .revokeSessions: .revokeSessions
        case .resetPassword: .resetPassword
        case .signIn: .blockSignIn
        case .perUserMfa: .perUserMfa
        case .defaultMethod, .qrCodePin, .temporaryQrCode: .changeMethods
        case .auth0(let dialog): dialog == .forgetBrowsers ? .revokeSessions : .changeMethods
        }
    }
}
