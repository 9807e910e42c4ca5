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
}
