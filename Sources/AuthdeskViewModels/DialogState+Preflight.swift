import AuthdeskCore

extension DialogState {
    /// Whether the pre-flight says the service will refuse this change (the operator may still try).
    public var willBeRefused: Bool {
        preflight?.verdict?.willBeRefused == true
    }

    /// The confirm button's label: the kind's, and "anyway (will be refused)" after a refusal verdict.
    public var confirmLabel: String {
        willBeRefused ? "\(kind.confirmLabel) anyway (will be refused)" : kind.confirmLabel
    }

    /// The pre-flight's line for the dialog: "checking…", or the verdict's reasons.
    public var preflightLine: String? {
        switch preflight {
        case nil: nil
        case .checking?: "Pre-flight: checking…"
        case .answered(let verdict)?:
            switch verdict.level {
            case .clear: nil
            case .warning: "Warning: " + verdict.text
            case .refused: "Will be refused: " + verdict.text
            }
        }
    }
}
