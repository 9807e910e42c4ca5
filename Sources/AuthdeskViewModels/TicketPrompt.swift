/// The one-line question for the session's ticket reference, asked at the first change the
/// console is about to make (an empty answer is allowed: no ticket).
public struct TicketPrompt: Sendable, Equatable {
    /// The text typed so far.
    public var text: String

    public init(text: String = "") {
        self.text = text
    }

    /// The prompt's label on the status line.
    public static let label = "Ticket reference (optional; enter to go on): "
}
