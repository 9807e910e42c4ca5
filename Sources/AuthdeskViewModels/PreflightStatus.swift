import AuthdeskCore

/// Where a dialog's pre-flight stands: being checked (the dialog says "checking…"), or answered.
public enum PreflightStatus: Sendable, Equatable {
    case checking
    case answered(PreflightVerdict)

    /// The verdict, once answered.
    public var verdict: PreflightVerdict? {
        if case .answered(let verdict) = self { return verdict }
        return nil
    }
}
