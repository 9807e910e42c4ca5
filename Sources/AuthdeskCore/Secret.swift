/// A client secret, token, password or pass: its text is reachable only through `reveal()`,
/// and every description of it is redacted, so it cannot slip into a log or a message.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// The secret's text, for the one place that must send or show it.
    public func reveal() -> String { value }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
}
