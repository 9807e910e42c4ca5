/// A throwaway PostgreSQL server that could not be made, started or stopped: what was run and
/// what it printed.
public struct PostgresClusterError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
