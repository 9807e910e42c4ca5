/// One request of a user's reset: delete (or deactivate) one method, in plan order.
public struct PlanStep: Sendable, Hashable, Codable {
    /// The method's id, as the service names it in the request's path.
    public var methodID: String
    public var kind: MethodKind
    public var action: StepAction
    /// The method as the methods pane titles it ("Alternate mobile phone").
    public var title: String
    /// Whether the method is the user's default MFA method when this step runs (then it is the
    /// plan's last step).
    public var isDefault: Bool

    public init(methodID: String, kind: MethodKind, action: StepAction, title: String, isDefault: Bool = false) {
        self.methodID = methodID
        self.kind = kind
        self.action = action
        self.title = title
        self.isDefault = isDefault
    }

    /// "Delete Mobile phone", "Make Mobile phone the default", for plans and progress lines.
    public var description: String {
        action == .makeDefault ? "Make \(title) the default" : "\(action.displayName) \(title)"
    }
}
