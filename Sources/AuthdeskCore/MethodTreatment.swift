/// What a ``ResetPolicy`` does with one method: remove it by a step, or keep it, saying why.
public enum MethodTreatment: Sendable, Hashable {
    case remove(StepAction)
    case keep(KeepReason)

    /// Whether the method is one the policy removes (deletes or deactivates).
    public var removes: Bool {
        if case .remove = self { return true }
        return false
    }
}
