/// A configuration that cannot be used, with where it came from and what would be valid.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
