import AuthdeskCore

/// A user's authentication methods and sign-in preferences, read together: what planning a
/// reset needs of each user.
public struct MethodsAndPreferences: Sendable, Hashable {
    public var methods: [AuthMethod]
    public var preferences: SignInPreferences

    public init(methods: [AuthMethod], preferences: SignInPreferences) {
        self.methods = methods
        self.preferences = preferences
    }
}
