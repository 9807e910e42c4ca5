/// A fact about an account that the service may refuse to tell: its value, or "not available"
/// with the reason (a missing licence or permission), so that one refused read never blocks the rest.
public enum Readable<Value: Sendable & Equatable>: Sendable, Equatable {
    case value(Value)
    /// The service would not tell it; the reason says why, with its code.
    case notAvailable(String)

    /// The value, when it was read.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// `not available (reason)` for a refused read, else the value as `describe` writes it.
    public func text(_ describe: (Value) -> String) -> String {
        switch self {
        case .value(let value): describe(value)
        case .notAvailable(let reason): "not available (\(reason))"
        }
    }
}
