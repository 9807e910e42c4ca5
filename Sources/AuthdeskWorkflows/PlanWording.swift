import AuthdeskCore

/// The words of a reset plan's lines, the same in the console's plan screen and the command
/// line's plan: a step in its order, a method kept and why.
public enum PlanWording {
    /// `2. Delete Mobile phone (default method, last)`.
    public static func step(_ index: Int, _ step: PlanStep) -> String {
        "\(index + 1). \(step.description)" + (step.isDefault ? " (default method, last)" : "")
    }

    /// `kept: FIDO2 security key: the portal policy keeps it`.
    public static func kept(_ kept: KeptMethod) -> String {
        "kept: \(kept.title): \(kept.reason.explanation)"
    }
}
