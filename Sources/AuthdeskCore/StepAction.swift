/// What one step of a reset does to a method: delete it, or (hardware OATH under the `portal`
/// policy) deactivate it so the token stays assigned but no longer signs in, or make it the
/// user's default MFA method so that the one the user had can be deleted (see ``ResetPlan``).
public enum StepAction: String, Sendable, Hashable, Codable, CaseIterable {
    case delete
    case deactivate
    case makeDefault

    /// The verb operators see in a plan ("Delete", "Deactivate", "Make default").
    public var displayName: String {
        switch self {
        case .delete: "Delete"
        case .deactivate: "Deactivate"
        case .makeDefault: "Make default"
        }
    }

    /// Whether the step takes the method away (delete, deactivate).
    public var removes: Bool { self != .makeDefault }
}
