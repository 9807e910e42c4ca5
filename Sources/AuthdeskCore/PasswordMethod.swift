import Foundation

/// The user's password (Graph's fixed id `28c10230-...`); the password itself is never readable.
public struct PasswordMethod: Sendable, Hashable {
    /// Graph's fixed id of every user's password method.
    public static let graphID = "28c10230-6103-485e-b985-444c60001490"

    public var id: String
    public var createdAt: Date?

    public init(id: String = PasswordMethod.graphID, createdAt: Date? = nil) {
        self.id = id
        self.createdAt = createdAt
    }
}
