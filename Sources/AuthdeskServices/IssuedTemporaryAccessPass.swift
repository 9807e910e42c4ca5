import AuthdeskCore

/// A Temporary Access Pass just created: the method, and the pass itself, which the service
/// shows this once. Its description never contains the pass.
public struct IssuedTemporaryAccessPass: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var method: TemporaryAccessPassMethod
    /// The pass to give the user; show it once, write it nowhere.
    public var pass: String

    public init(method: TemporaryAccessPassMethod, pass: String) {
        self.method = method
        self.pass = pass
    }

    public var description: String { "IssuedTemporaryAccessPass(\(method.id), pass \(Redactor.mask))" }
    public var debugDescription: String { description }
}
