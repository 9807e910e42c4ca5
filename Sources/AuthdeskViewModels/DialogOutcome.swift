import AuthdeskServices

/// What the service answered to a dialog's request.
public enum DialogOutcome: Sendable, Equatable {
    case done
    /// A new pass: shown once in the dialog.
    case pass(IssuedTemporaryAccessPass)
    /// An accepted reset: followed live; a generated password is shown once.
    case reset(PasswordReset)
}
