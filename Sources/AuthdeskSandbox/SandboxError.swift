/// Why a sandbox could not start, or refused a change asked of it; the description says what is valid.
public struct SandboxError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}
