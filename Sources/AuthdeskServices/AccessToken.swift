import Foundation

/// A bearer token and when it expires; its text never appears in a description or a log.
public struct AccessToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var value: String
    public var expiresOn: Date
    /// The refresh token that came with it (device-code sign-in with `offline_access`).
    public var refreshToken: String?

    public init(value: String, expiresOn: Date, refreshToken: String? = nil) {
        self.value = value
        self.expiresOn = expiresOn
        self.refreshToken = refreshToken
    }

    /// Whether the token is still good `margin` from `now`.
    public func isValid(at now: Date, margin: TimeInterval) -> Bool {
        expiresOn.timeIntervalSince(now) > margin
    }

    public var description: String { "AccessToken(\(Redactor.mask), expires \(expiresOn))" }
    public var debugDescription: String { description }
}
