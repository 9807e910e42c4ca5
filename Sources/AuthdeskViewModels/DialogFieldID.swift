/// The fields a dialog can have; validation messages and tests name them.
public enum DialogFieldID: String, Sendable, Hashable {
    case phoneType
    case number
    case address
    case lifetime
    case usableOnce
    case start
    case passwordMode
    case password
    case mfaState
    case defaultMethod
    case qrDays
    case pinMode
    case pin
    /// A temporary QR code's hours; an Auth0 security key; an enrollment ticket's factor.
    case qrHours
    case keyID
    case publicKey
    case relyingParty
    case factor
    /// An Auth0 method's name and a phone's channel; the one method replacing all.
    case methodName
    case channel
    case replaceType
    case replaceValue
    /// How the caller was verified, and a note on it (when the tenant requires it).
    case verifiedBy
    case verificationNote
}
