import Foundation

/// The account around a user's methods, as the details pane and `users show` present it: on or
/// off, synced, roles; Graph's per-user MFA state, registration and last sign-in; Auth0's
/// blocks, last login and logins count. Each fact a service may refuse is a ``Readable``; a fact
/// a provider does not have is nil.
public struct AccountDetails: Sendable, Equatable {
    public var user: DirectoryUser
    /// Whether the user may sign in (Graph `accountEnabled`; Auth0 not `blocked`).
    public var accountEnabled: Bool?
    /// Synced from an on-premises directory.
    public var synced: Bool?
    /// Directory roles (display names); Auth0 users have none.
    public var roles: Readable<[String]>?
    public var perUserMfaState: Readable<PerUserMfaState>?
    public var registration: Readable<RegistrationDetails>?
    /// Last interactive sign-in; a nil value: never signed in.
    public var lastSignIn: Readable<Date?>?
    /// Auth0's brute-force protection blocks.
    public var bruteForceBlocks: Readable<[BruteForceBlock]>?
    /// Auth0's last login.
    public var lastLogin: Date?
    public var loginsCount: Int?

    public init(
        user: DirectoryUser, accountEnabled: Bool? = nil, synced: Bool? = nil, roles: Readable<[String]>? = nil,
        perUserMfaState: Readable<PerUserMfaState>? = nil, registration: Readable<RegistrationDetails>? = nil,
        lastSignIn: Readable<Date?>? = nil, bruteForceBlocks: Readable<[BruteForceBlock]>? = nil,
        lastLogin: Date? = nil, loginsCount: Int? = nil
    ) {
        self.user = user
        self.accountEnabled = accountEnabled
        self.synced = synced
        self.roles = roles
        self.perUserMfaState = perUserMfaState
        self.registration = registration
        self.lastSignIn = lastSignIn
        self.bruteForceBlocks = bruteForceBlocks
        self.lastLogin = lastLogin
        self.loginsCount = loginsCount
    }
}
