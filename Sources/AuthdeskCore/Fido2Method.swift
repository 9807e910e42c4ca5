import Foundation

/// A FIDO2 security key or passkey.
public struct Fido2Method: Sendable, Hashable {
    public var id: String
    public var displayName: String?
    public var aaGuid: String?
    public var model: String?
    public var attestationLevel: String?
    public var passkeyType: String?
    public var createdAt: Date?

    public init(
        id: String, displayName: String? = nil, aaGuid: String? = nil, model: String? = nil,
        attestationLevel: String? = nil, passkeyType: String? = nil, createdAt: Date? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.aaGuid = aaGuid
        self.model = model
        self.attestationLevel = attestationLevel
        self.passkeyType = passkeyType
        self.createdAt = createdAt
    }
}
