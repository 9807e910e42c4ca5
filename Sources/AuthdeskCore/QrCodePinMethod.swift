import Foundation

/// A QR code + PIN method (frontline workers): a standard QR code on a badge, maybe a temporary
/// one for a forgotten badge, and a PIN, which is only ever in the answer that set it.
public struct QrCodePinMethod: Sendable, Hashable {
    public var id: String
    public var standardStarts: Date?
    public var standardExpires: Date?
    /// The temporary QR code's end, when one is active.
    public var temporaryExpires: Date?
    /// The user must change the PIN at the next sign-in (an admin-issued PIN).
    public var forceChangePin: Bool?
    public var pinUpdated: Date?
    public var createdAt: Date?

    public init(
        id: String, standardStarts: Date? = nil, standardExpires: Date? = nil, temporaryExpires: Date? = nil,
        forceChangePin: Bool? = nil, pinUpdated: Date? = nil, createdAt: Date? = nil
    ) {
        self.id = id
        self.standardStarts = standardStarts
        self.standardExpires = standardExpires
        self.temporaryExpires = temporaryExpires
        self.forceChangePin = forceChangePin
        self.pinUpdated = pinUpdated
        self.createdAt = createdAt
    }
}
