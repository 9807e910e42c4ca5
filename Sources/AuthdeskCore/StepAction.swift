/// What one step of a reset does to a method: delete it, or (hardware OATH under the `portal`
/// policy) deactivate it so the token stays assigned but no longer signs in.
public enum StepAction: String, Sendable, Hashable, Codable, CaseIterable {
    case delete
    case deactivate

    /// The verb operators see in a plan ("Delete", "Deactivate").
    public var displayName: String {
        switch self {
        case .delete: "Delete"
        case .deactivate: "Deactivate"
        }
    }
}
