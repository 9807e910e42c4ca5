/// A user as a directory lists it: enough to find, show and address them.
///
/// For Graph `principalName` is the user principal name; for Auth0 it is the e-mail address.
public struct DirectoryUser: Sendable, Hashable, Identifiable, Codable {
    /// The object id (Graph) or the user id (`auth0|65f2...`) used in API paths.
    public var id: String
    public var displayName: String
    public var principalName: String
    public var mail: String?
    public var jobTitle: String?
    public var department: String?
    public var accountEnabled: Bool?
    /// Synced from an on-premises directory (a password reset then needs writeback).
    public var onPremisesSyncEnabled: Bool?

    public init(
        id: String, displayName: String, principalName: String, mail: String? = nil,
        jobTitle: String? = nil, department: String? = nil, accountEnabled: Bool? = nil,
        onPremisesSyncEnabled: Bool? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.principalName = principalName
        self.mail = mail
        self.jobTitle = jobTitle
        self.department = department
        self.accountEnabled = accountEnabled
        self.onPremisesSyncEnabled = onPremisesSyncEnabled
    }
}
