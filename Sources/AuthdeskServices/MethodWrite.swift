import AuthdeskCore

/// One write to a user's methods that a reset sends: delete a method, deactivate a hardware
/// OATH token, or make a method the default. A value, so that a provider can send a user's
/// writes in order in one round trip (``IdentityProvider/writeInOrder(_:of:)``).
public enum MethodWrite: Sendable {
    case delete(AuthMethod)
    case deactivateHardwareOath(methodID: String)
    case setDefault(DefaultMethod)
}
