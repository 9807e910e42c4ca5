import Foundation

/// The Microsoft Authenticator app registered on a device.
public struct MicrosoftAuthenticatorMethod: Sendable, Hashable {
    public var id: String
    public var displayName: String?
    public var deviceTag: String?
    public var phoneAppVersion: String?
    public var createdAt: Date?

    public init(
        id: String, displayName: String? = nil, deviceTag: String? = nil,
        phoneAppVersion: String? = nil, createdAt: Date? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.deviceTag = deviceTag
        self.phoneAppVersion = phoneAppVersion
        self.createdAt = createdAt
    }
}
