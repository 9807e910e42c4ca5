import Foundation

/// A pending device-code sign-in: approved by the sandbox itself once its delay has passed.
struct DeviceCodeRecord: Sendable {
    var tenantId: String
    var clientId: String
    var scope: String
    var createdAt: Date
    var approvesAt: Date
    var expiresAt: Date
    /// Seconds a client must wait between polls (grows by 5 after a `slow_down`, RFC 8628).
    var interval: Double
    var lastPoll: Date?
    var redeemed = false
}
