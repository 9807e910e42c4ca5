/// The e-mail address used for self-service password reset (one per user).
public struct EmailMethod: Sendable, Hashable {
    public var id: String
    public var emailAddress: String

    public init(id: String, emailAddress: String) {
        self.id = id
        self.emailAddress = emailAddress
    }
}
