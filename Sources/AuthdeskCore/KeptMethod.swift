/// A method a reset leaves in place, and why; flagged ones need an operator's look.
public struct KeptMethod: Sendable, Hashable, Codable {
    public var methodID: String
    public var kind: MethodKind
    /// The method as the methods pane titles it (for an unknown type, the service's type name).
    public var title: String
    public var reason: KeepReason

    /// Whether an operator should review this method by hand (its type is unknown).
    public var isFlagged: Bool { reason.isFlagged }
}
