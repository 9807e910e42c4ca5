import AuthdeskCore

/// What planning needs of one user: all of the user's methods, and the id of the default one
/// among them (nil where the service has none or the user has not set one).
public struct UserMethods: Sendable, Hashable {
    public var methods: [AuthMethod]
    public var defaultMethodID: String?

    public init(methods: [AuthMethod], defaultMethodID: String?) {
        self.methods = methods
        self.defaultMethodID = defaultMethodID
    }
}
