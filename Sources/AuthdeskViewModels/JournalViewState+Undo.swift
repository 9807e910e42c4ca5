import AuthdeskCore

extension JournalViewState {
    /// `u` on an entry: the undo is planned first (refused at once when it cannot be done), then
    /// asked (``UndoPrompt``).
    mutating func pressUndo() -> Outcome {
        let list = visible
        guard list.indices.contains(selected), list[selected].id != nil else {
            message = "Select an entry to undo"
            messageIsError = true
            return .none
        }
        let entry = list[selected]
        message = "Checking whether entry \(entry.id ?? 0) can be undone…"
        messageIsError = false
        return .undo(entry)
    }

    /// The undo of entry `id` can be done: ask it.
    public mutating func askUndo(_ id: Int64, question: String, verifies: Bool) {
        undoPrompt = UndoPrompt(entryID: id, question: question, verifies: verifies)
        message = nil
    }

    /// A key while the undo is asked: enter confirms (once the caller's verification is given,
    /// when asked), esc cancels, the rest edit the verification.
    mutating func pressInUndoPrompt(_ action: KeyAction?, key: Key) -> Outcome {
        guard var prompt = undoPrompt else { return .none }
        switch action {
        case .confirm:
            if let problem = prompt.verification?.problem {
                prompt.problem = problem
                prompt.verification?.focus = .method
                undoPrompt = prompt
                return .none
            }
            undoPrompt = nil
            message = "Undoing entry \(prompt.entryID)…"
            messageIsError = false
            return .confirmUndo(prompt.entryID, prompt.verification?.verification)
        case .cancel:
            undoPrompt = nil
            message = "Not undone: nothing was sent"
            messageIsError = false
            return .none
        case .nextField:
            prompt.verification?.toggleFocus()
        case .cursorLeft:
            prompt.verification?.cycle(by: -1)
        case .cursorRight:
            prompt.verification?.cycle(by: 1)
        case .deleteBackward:
            prompt.verification?.deleteBackward()
        case .clearInput:
            prompt.verification?.clear()
        default:
            if let character = key.printable { prompt.verification?.type(character) }
        }
        prompt.problem = nil
        undoPrompt = prompt
        return .none
    }
}
