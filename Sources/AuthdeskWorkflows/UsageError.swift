/// Input a front end or a workflow rejects before anything is sent, with what would be valid
/// (exit 2).
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
