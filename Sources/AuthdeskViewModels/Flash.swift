/// A one-line message for the operator, as in k9s: information fades after a few seconds,
/// an error stays until the next key.
public struct Flash: Sendable, Equatable {
    public enum Level: Sendable, Equatable {
        case info
        case error
    }

    /// Tells this message from a later one with the same text, so an old timer cannot clear it.
    public var id: Int
    public var level: Level
    public var text: String
}
