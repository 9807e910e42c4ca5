import AuthdeskCore

extension DialogState {
    /// The choices of the "Verified" field: none yet, then each way a caller can be verified.
    static let verificationChoices = ["(choose how)"] + CallerVerification.Method.allCases.map(\.displayName)

    /// Adds the caller-verification step (required choice, optional note) to this dialog: its
    /// tenant's profile sets `require_caller_verification`.
    mutating func askVerification() {
        guard !verifies else { return }
        verifies = true
        fields += [
            DialogField(.verifiedBy, "Verified", options: Self.verificationChoices),
            DialogField(.verificationNote, "Note", placeholder: "number called back, document seen (optional)"),
        ]
    }

    /// The verification chosen, if this dialog asks for one and it was given.
    public var verification: CallerVerification? {
        guard verifies, let choice = field(.verifiedBy)?.choice, choice > 0,
            CallerVerification.Method.allCases.indices.contains(choice - 1)
        else { return nil }
        let note = field(.verificationNote)?.text
        return try? CallerVerification(method: CallerVerification.Method.allCases[choice - 1], note: note)
    }

    func verificationProblem(for id: DialogFieldID) -> String? {
        switch id {
        case .verifiedBy:
            return field(.verifiedBy)?.choice == 0
                ? "Say how the caller was verified (space changes the choice): this tenant requires it" : nil
        case .verificationNote:
            let note = field(.verificationNote)?.text ?? ""
            return note.count > 200 ? "The note is one line of at most 200 characters" : nil
        default:
            return nil
        }
    }
}
