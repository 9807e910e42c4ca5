import Foundation

/// What the operator must do to finish a device-code sign-in: open the page, enter the code.
public struct DeviceCodePrompt: Sendable, Hashable {
    /// The service's own sentence ("To sign in, use a web browser to open the page ... and enter
    /// the code ... to authenticate."): show it as it is.
    public var message: String
    public var userCode: String
    public var verificationURI: String
    public var expiresOn: Date

    public init(message: String, userCode: String, verificationURI: String, expiresOn: Date) {
        self.message = message
        self.userCode = userCode
        self.verificationURI = verificationURI
        self.expiresOn = expiresOn
    }
}
