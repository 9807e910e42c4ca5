/// The session's ticket reference (`:ticket REF`), written with every change, and the question
/// that asks for it at the first change when changes are audited.
public struct TicketState: Sendable, Equatable {
    /// The reference, once set (nil: none).
    public var reference: String?
    /// Whether changes are audited, so the ticket is asked at the first change.
    public var asks = false
    /// Whether the ticket was asked (or set) in this session.
    public var asked = false
    /// The ticket question, when open: it takes every key.
    public var prompt: TicketPrompt?

    /// What a key did to the open question.
    enum Answer: Equatable {
        /// Still asking.
        case typing
        /// `enter` (the text) or `esc` (no ticket): set this reference.
        case answered(String)
    }

    /// The ticket question's rows of the key table (``KeyMap/standard``).
    static let bindings: [KeyBinding] = [
        KeyBinding(.enter, .accept, scope: .ticketPrompt, "use this ticket for the session's changes", isHint: true),
        KeyBinding(.escape, .cancel, scope: .ticketPrompt, "no ticket for this session (:ticket sets one)", isHint: true),
        KeyBinding(.backspace, .deleteBackward, scope: .ticketPrompt, "delete character"),
        KeyBinding(.delete, .deleteBackward, scope: .ticketPrompt, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .ticketPrompt, "clear the field"),
    ]

    /// A key pressed while the question is open, bound to `action` in its scope (nil: typed).
    mutating func press(_ action: KeyAction?, key: Key) -> Answer {
        guard var prompt else { return .typing }
        switch action {
        case .accept:
            return .answered(prompt.text)
        case .cancel:
            // No ticket for this session (:ticket sets one later).
            return .answered("")
        case .deleteBackward:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .clearInput:
            prompt.text = ""
        default:
            if let character = key.printable, prompt.text.count < 200 { prompt.text.append(character) }
        }
        self.prompt = prompt
        return .typing
    }

    /// Asks for the ticket if this session has not yet.
    mutating func askIfNeeded() {
        guard asks, !asked else { return }
        prompt = TicketPrompt(text: reference ?? "")
    }

    /// Sets the reference (empty: none) and closes the question.
    mutating func set(_ text: String) {
        prompt = nil
        asked = true
        reference = text.isEmpty ? nil : text
    }
}
