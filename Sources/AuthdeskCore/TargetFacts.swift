/// What the pre-flight knows of the user an action is for: their directory roles (nil: could
/// not be read) and whether they are synced from an on-premises directory (nil: not told).
public struct TargetFacts: Sendable, Hashable, Codable {
    public var userID: String
    public var displayName: String
    /// Directory roles the user holds; empty for a user without any (and for Auth0 users, which
    /// have no administrator notion); nil when they could not be read.
    public var adminRoles: [AdminRole]?
    public var syncedFromOnPremises: Bool?

    public init(userID: String, displayName: String, adminRoles: [AdminRole]?, syncedFromOnPremises: Bool?) {
        self.userID = userID
        self.displayName = displayName
        self.adminRoles = adminRoles
        self.syncedFromOnPremises = syncedFromOnPremises
    }
}
