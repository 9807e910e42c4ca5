import AuthdeskCore
import AuthdeskServices

/// What the service answered to a ``ChangeRequest``.
public enum ChangeOutcome: Sendable, Equatable {
    case done
    /// A method was added (a phone, the e-mail method): the service's record of it.
    case added(AuthMethod)
    /// A new pass: shown once in the dialog.
    case pass(IssuedTemporaryAccessPass)
    /// An accepted reset: followed live; a generated password is shown once.
    case reset(PasswordReset)
    /// Sign-in blocked or unblocked: what each request did.
    case account(AccountChangeReceipt)
    /// The per-user MFA state the service reports after the change.
    case mfaState(PerUserMfaState)
    /// A QR code + PIN method created or its PIN reset: the PIN shown once.
    case qrCodePin(IssuedQrCodePin)
    /// The user was signed out: what each request did.
    case sessions(SessionRevocation)
    /// Every method replaced (Auth0): the service's record of the new ones.
    case replaced([AuthMethod])
    /// An enrollment ticket: its link shown once.
    case ticket(EnrollmentTicket)
}
