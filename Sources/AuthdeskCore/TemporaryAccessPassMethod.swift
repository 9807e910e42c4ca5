import Foundation

/// A Temporary Access Pass; the pass itself is only ever in the answer that created it.
public struct TemporaryAccessPassMethod: Sendable, Hashable {
    public var id: String
    public var startDateTime: Date?
    public var lifetimeInMinutes: Int?
    public var isUsableOnce: Bool?
    public var isUsable: Bool?
    public var methodUsabilityReason: String?
    public var createdAt: Date?

    public init(
        id: String, startDateTime: Date? = nil, lifetimeInMinutes: Int? = nil,
        isUsableOnce: Bool? = nil, isUsable: Bool? = nil, methodUsabilityReason: String? = nil,
        createdAt: Date? = nil
    ) {
        self.id = id
        self.startDateTime = startDateTime
        self.lifetimeInMinutes = lifetimeInMinutes
        self.isUsableOnce = isUsableOnce
        self.isUsable = isUsable
        self.methodUsabilityReason = methodUsabilityReason
        self.createdAt = createdAt
    }
}
