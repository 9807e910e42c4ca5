import AuthdeskCore
import AuthdeskServices

/// Which action a dialog is for, with the method it acts on where there is one.
public enum DialogKind: Sendable, Equatable {
    case addPhone
    case changePhone(PhoneMethod)
    case deleteMethod(AuthMethod)
    case smsSignIn(PhoneMethod, enable: Bool)
    case addEmail
    case changeEmail(EmailMethod)
    case temporaryAccessPass
    case revokeSessions
    case resetPassword
    /// Block (`true`) or unblock sign-in.
    case signIn(block: Bool)
    /// The per-user MFA state, from the one the account shows (nil: not read).
    case perUserMfa(current: PerUserMfaState?)
    /// The default method, among those the user's methods allow.
    case defaultMethod([DefaultMethod], current: DefaultMethod?)
    /// Create a QR code + PIN method, or (`existing`) reset its PIN.
    case qrCodePin(existing: Bool)
    /// A temporary QR code (1 to 12 hours) for a forgotten badge.
    case temporaryQrCode
    /// One of Auth0's own actions.
    case auth0(Auth0Dialog)

    /// The dialog's title (in its top border).
    public var title: String {
        switch self {
        case .addPhone: "Add a phone"
        case .changePhone: "Change a phone number"
        case .deleteMethod: "Delete a method"
        case .smsSignIn(_, let enable): enable ? "Turn SMS sign-in on" : "Turn SMS sign-in off"
        case .addEmail: "Add the e-mail method"
        case .changeEmail: "Change the e-mail method"
        case .temporaryAccessPass: "Issue a Temporary Access Pass"
        case .revokeSessions: "Revoke sessions"
        case .resetPassword: "Reset the password"
        case .signIn(let block): block ? "Block sign-in" : "Unblock sign-in"
        case .perUserMfa: "Per-user MFA"
        case .defaultMethod: "Default MFA method"
        case .qrCodePin(let existing): existing ? "Reset the QR code PIN" : "Create a QR code + PIN"
        case .temporaryQrCode: "Temporary QR code"
        case .auth0(let dialog): dialog.title
        }
    }

    /// Removes or replaces something the user has, or signs them out: Cancel comes first and
    /// has the focus.
    public var isDestructive: Bool {
        switch self {
        case .addPhone, .addEmail: false
        case .smsSignIn(_, let enable): !enable
        case .signIn(let block): block
        case .perUserMfa, .defaultMethod: true
        case .qrCodePin(let existing): existing
        case .temporaryQrCode: true
        case .auth0(let dialog): dialog.isDestructive
        case .changePhone, .deleteMethod, .changeEmail, .temporaryAccessPass, .revokeSessions, .resetPassword: true
        }
    }

    /// The label of the button that sends the change.
    public var confirmLabel: String {
        switch self {
        case .addPhone, .addEmail: "Add"
        case .changePhone, .changeEmail: "Change"
        case .deleteMethod: "Delete"
        case .smsSignIn(_, let enable): enable ? "Turn on" : "Turn off"
        case .temporaryAccessPass: "Issue"
        case .revokeSessions: "Revoke"
        case .resetPassword: "Reset"
        case .signIn(let block): block ? "Block" : "Unblock"
        case .perUserMfa, .defaultMethod: "Set"
        case .qrCodePin(let existing): existing ? "Reset" : "Create"
        case .temporaryQrCode: "Create"
        case .auth0(let dialog): dialog.confirmLabel
        }
    }

    /// What will happen, completed by the user and the tenant: "Delete Mobile phone +1 ... of".
    public var what: String {
        switch self {
        case .addPhone: "Add a phone for"
        case .changePhone(let phone): "Change the number of the \(Self.phoneName(phone)) (now \(phone.phoneNumber)) of"
        case .deleteMethod(let method):
            "Delete the method \(method.title)" + (method.summary.isEmpty ? "" : " (\(method.summary))") + " of"
        case .smsSignIn(let phone, let enable):
            "Turn SMS sign-in \(enable ? "on" : "off") for the mobile phone \(phone.phoneNumber) of"
        case .addEmail: "Add an e-mail address for self-service password reset to"
        case .changeEmail(let email): "Change the e-mail address (now \(email.emailAddress)) of"
        case .temporaryAccessPass: "Issue a Temporary Access Pass (replacing any current one) to"
        case .revokeSessions: "Sign out everywhere (revoke every refresh token and session) the user"
        case .resetPassword: "Reset the password of"
        case .signIn(let block):
            block ? "Block sign-in (the account stays; every new sign-in is refused) of"
                : "Unblock sign-in (and lift Auth0's brute-force blocks) of"
        case .perUserMfa(let current): "Set the per-user MFA state (now \(current?.rawValue ?? "unknown")) of"
        case .defaultMethod(_, let current): "Choose the default MFA method (now \(current?.rawValue ?? "none")) of"
        case .qrCodePin(let existing):
            existing ? "Reset the QR code PIN (the user changes it at the next sign-in) of"
                : "Create a QR code + PIN method (badge QR code and a PIN shown once) for"
        case .temporaryQrCode: "Add a temporary QR code (replacing an active one) for the forgotten badge of"
        case .auth0(let dialog): dialog.what
        }
    }

    static func phoneName(_ phone: PhoneMethod) -> String {
        (phone.phoneType?.displayName ?? "phone").lowercased()
    }
}
