import AuthdeskCore

/// The caller-verification step outside a dialog (the bulk confirmation, the journal's undo): how
/// the caller was verified, chosen with ←/→ (or space), and an optional one-line note, typed
/// after tab. The same choices and checks as a dialog's "Verified" and "Note" fields.
public struct VerificationInput: Sendable, Equatable {
    /// The part that takes keys.
    public enum Focus: Sendable, Equatable {
        case method
        case note
    }

    /// Index into ``choices``; 0 is "not chosen yet".
    public var choice = 0
    public var note = ""
    public var focus: Focus = .method

    public init() {}

    /// "(choose how)", then each way a caller can be verified.
    public static var choices: [String] { DialogState.verificationChoices }

    /// The choice as shown.
    public var choiceText: String { Self.choices[min(max(0, choice), Self.choices.count - 1)] }

    /// The answer, once a way is chosen and the note is valid.
    public var verification: CallerVerification? {
        let methods = CallerVerification.Method.allCases
        guard choice > 0, methods.indices.contains(choice - 1) else { return nil }
        return try? CallerVerification(method: methods[choice - 1], note: note)
    }

    /// What is missing or wrong, saying what to do; nil when the answer can be journalled.
    public var problem: String? {
        if choice == 0 { return "Say how the caller was verified (\u{2190}/\u{2192} or space chooses): this tenant requires it" }
        if note.contains(where: \.isNewline) || note.count > 200 { return "The note is one line of at most 200 characters" }
        return nil
    }

    /// ←/→: the previous or next way.
    public mutating func cycle(by delta: Int) {
        let count = Self.choices.count
        choice = ((choice + delta) % count + count) % count
    }

    /// Tab: from the way to the note and back.
    public mutating func toggleFocus() {
        focus = focus == .method ? .note : .method
    }

    /// A typed character: into the note; on the way, space chooses the next one.
    public mutating func type(_ character: Character) {
        switch focus {
        case .note: if note.count < 200 { note.append(character) }
        case .method: if character == " " { cycle(by: 1) }
        }
    }

    public mutating func deleteBackward() {
        if focus == .note, !note.isEmpty { note.removeLast() }
    }

    public mutating func clear() {
        if focus == .note { note = "" }
    }
}
