/// The journal screen's question before an undo, as `authdesk undo` asks it: what the undo of
/// the entry does, to whom, in which tenant; how the caller was verified when the tenant
/// requires it; enter undoes, esc cancels.
public struct UndoPrompt: Sendable, Equatable {
    public var entryID: Int64
    /// `Undo entry 12 (delete method, ...) for Cameron White in contoso: add ... again`.
    public var question: String
    /// The verification step, when the entry's tenant requires caller verification.
    public var verification: VerificationInput?
    /// Why the last enter was refused.
    public var problem: String?

    public init(entryID: Int64, question: String, verifies: Bool) {
        self.entryID = entryID
        self.question = question
        verification = verifies ? VerificationInput() : nil
    }
}
