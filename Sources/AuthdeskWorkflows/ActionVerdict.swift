import AuthdeskCore
import AuthdeskServices

/// One action as `whoami` judges it for a sign-in: allowed or refused, and what is missing
/// (the permission, scope or directory role that would allow it), with a note on limits.
public struct ActionVerdict: Sendable, Hashable {
    public var command: String
    public var allowed: Bool
    /// What would allow it, in words: `the permission UserAuthenticationMethod.ReadWrite.All`.
    public var missing: String?
    /// A limit on an allowed action: `users without an administrator role only`.
    public var note: String?

    public init(command: String, allowed: Bool, missing: String? = nil, note: String? = nil) {
        self.command = command
        self.allowed = allowed
        self.missing = missing
        self.note = note
    }
}
