import Foundation

/// A device-bound key: Windows Hello for Business, or a platform credential (macOS Platform SSO).
public struct KeyCredentialMethod: Sendable, Hashable {
    public var id: String
    public var displayName: String?
    public var keyStrength: String?
    /// The platform (`macOS`, ...) of a platform credential; nil for Windows Hello.
    public var platform: String?
    public var createdAt: Date?

    public init(
        id: String, displayName: String? = nil, keyStrength: String? = nil,
        platform: String? = nil, createdAt: Date? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.keyStrength = keyStrength
        self.platform = platform
        self.createdAt = createdAt
    }
}
