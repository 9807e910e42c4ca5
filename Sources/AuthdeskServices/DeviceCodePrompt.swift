import Foundation

/// What the operator must do to finish a device-code sign-in: open the page, enter the code.
/// Only the sign-in makes one (with the memberwise initializer); callers show it.
public struct DeviceCodePrompt: Sendable, Hashable {
    /// The service's own sentence ("To sign in, use a web browser to open the page ... and enter
    /// the code ... to authenticate."): show it as it is.
    public var message: String
    public var userCode: String
    public var verificationURI: String
    public var expiresOn: Date
}
