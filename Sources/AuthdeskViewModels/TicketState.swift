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

    /// A key pressed while the question is open.
    mutating func press(_ key: Key) -> Answer {
        guard var prompt else { return .typing }
        switch key {
        case .enter:
            return .answered(prompt.text)
        case .escape:
            // No ticket for this session (:ticket sets one later).
            return .answered("")
        case .backspace, .delete:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .control("u"):
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
