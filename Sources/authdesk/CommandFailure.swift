/// A command that ran but did not get done (a password reset whose operation failed): exit 1,
/// with what went wrong.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
