import AuthdeskCore

/// One change about to be sent, as the audit journal names it: the action (`delete method`,
/// `create TAP`, ...), what it acts on, and the secrets the entry must be cleared of.
public struct AuditedChange: Sendable {
    public var userID: String
    public var action: String
    /// The method or setting changed: `Mobile phone +1 2065555555`, `lifetime 60 min`, ...
    public var target: String?
    /// Secrets that belong to this change (the password sent, the pass issued), removed from
    /// every field of the entry.
    public var secrets: [Secret]
    /// The account state the change replaces (block, unblock, per-user MFA), for its undo.
    public var stateBefore: AccountStateBefore?

    public init(userID: String, action: String, target: String? = nil, secrets: [Secret] = []) {
        self.userID = userID
        self.action = action
        self.target = target
        self.secrets = secrets
    }
}
