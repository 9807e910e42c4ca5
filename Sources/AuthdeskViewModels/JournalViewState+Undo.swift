extension JournalViewState {
    /// `u`: the first press on an entry asks, the second undoes it.
    mutating func pressUndo() -> Outcome {
        let list = visible
        guard list.indices.contains(selected), let id = list[selected].id else {
            message = "Select an entry to undo"
            messageIsError = true
            return .none
        }
        let entry = list[selected]
        if undoArmed == id {
            undoArmed = nil
            return .undo(entry)
        }
        undoArmed = id
        message = "u again undoes entry \(id) (\(entry.action)\(entry.target.map { ", \($0)" } ?? "")); any other key cancels"
        messageIsError = false
        return .none
    }
}
