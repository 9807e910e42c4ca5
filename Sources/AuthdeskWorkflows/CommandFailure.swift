/// A change that was sent but did not get done (a password reset whose operation failed): exit 1,
/// with what went wrong.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
