/// How a password reset went, as the command line prints it: the user, the operation's last
/// status and detail, the generated password (shown once), the operation's URL, and the
/// failure to report after the password has been shown.
public struct PasswordResetResult: Sendable {
    public var user: String
    public var status = "accepted"
    public var statusDetail: String?
    public var newPassword: String?
    public var operation: String?
    public var failure: (any Error & Sendable)?

    /// The operation ended `failed`: the reset did not happen (exit 1, with the reason).
    public var didFail: Bool { status == "failed" }
}
