/// A phone registered for MFA (and perhaps SMS sign-in), in one of the three fixed slots.
public struct PhoneMethod: Sendable, Hashable {
    public var id: String
    /// As the service holds it; not re-validated on read.
    public var phoneNumber: String
    public var phoneType: PhoneType?
    public var smsSignInState: SmsSignInState?

    public init(id: String, phoneNumber: String, phoneType: PhoneType?, smsSignInState: SmsSignInState? = nil) {
        self.id = id
        self.phoneNumber = phoneNumber
        self.phoneType = phoneType
        self.smsSignInState = smsSignInState
    }
}
