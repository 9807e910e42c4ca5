import Foundation

/// A password reset the service accepted: where to follow it, and the password the service
/// generated when none was given. Its description never contains the password.
public struct PasswordReset: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The operation to poll (the `Location` of the 202), when the service gave one.
    public var operationURL: URL?
    /// The new password, when the service generated it; show it once, write it nowhere.
    public var generatedPassword: String?
    /// How long the service asked to wait before the first poll (`Retry-After`).
    public var retryAfter: Duration?

    public init(operationURL: URL?, generatedPassword: String? = nil, retryAfter: Duration? = nil) {
        self.operationURL = operationURL
        self.generatedPassword = generatedPassword
        self.retryAfter = retryAfter
    }

    public var description: String {
        "PasswordReset(\(operationURL?.absoluteString ?? "no operation")\(generatedPassword == nil ? "" : ", generated password \(Redactor.mask)"))"
    }

    public var debugDescription: String { description }
}
