import Foundation

/// An external authentication method: a third-party MFA provider registered for the user
/// (Graph `externalAuthenticationMethod`); it can be listed and deleted, not created here.
public struct ExternalAuthenticationMethod: Sendable, Hashable {
    public var id: String
    public var displayName: String?
    /// The external authentication method configuration (the provider) it belongs to.
    public var configurationId: String?
    public var createdAt: Date?

    public init(id: String, displayName: String? = nil, configurationId: String? = nil, createdAt: Date? = nil) {
        self.id = id
        self.displayName = displayName
        self.configurationId = configurationId
        self.createdAt = createdAt
    }
}
