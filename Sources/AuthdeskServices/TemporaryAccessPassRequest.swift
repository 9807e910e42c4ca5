import Foundation

/// What a new Temporary Access Pass should be: how long it lives, whether it works once, and
/// when it starts. Checked before anything is sent.
public struct TemporaryAccessPassRequest: Sendable, Hashable {
    /// The lifetimes Graph accepts, in minutes (10 minutes to 30 days).
    public static let lifetimeRange = 10...43200

    /// Nil leaves it to the tenant's policy.
    public var lifetimeInMinutes: Int?
    /// Nil leaves it to the tenant's policy.
    public var isUsableOnce: Bool?
    /// Nil starts it now.
    public var startDateTime: Date?

    public init(lifetimeInMinutes: Int? = nil, isUsableOnce: Bool? = nil, startDateTime: Date? = nil) {
        self.lifetimeInMinutes = lifetimeInMinutes
        self.isUsableOnce = isUsableOnce
        self.startDateTime = startDateTime
    }

    /// Throws a `.badInput` error that says what is valid.
    public func validate() throws(ServiceError) {
        if let lifetime = lifetimeInMinutes, !TemporaryAccessPassRequest.lifetimeRange.contains(lifetime) {
            throw ServiceError(
                kind: .badInput, code: "invalidLifetime",
                message: "The pass's lifetime must be 10 to 43200 minutes (30 days), not \(lifetime)")
        }
    }
}
