import AuthdeskViewModels

extension BrowserRenderer {
    /// Rows the undo question takes, the journal's message line included.
    static func undoPromptHeight(_ prompt: UndoPrompt) -> Int {
        prompt.verification == nil ? 3 : 4
    }

    /// The undo question, down to the journal's message line: what it does, then (when the tenant
    /// requires it) how the caller was verified and the note, then what enter and esc do or why
    /// enter was refused.
    mutating func drawUndoPrompt(_ prompt: UndoPrompt, above bottom: Int) {
        let width = grid.width
        var y = bottom - Self.undoPromptHeight(prompt)
        grid.fill(x: 0, y: y, width: width, height: Self.undoPromptHeight(prompt))
        // The question on two lines at most (it names the entry, the user and what comes back).
        for line in TextWrap.lines(prompt.question + "?", width: max(10, width - 2), asciiOnly: options.asciiText).prefix(2) {
            put(line, at: 1, y, style: theme.prompt, width: width - 2)
            y += 1
        }
        y = bottom - Self.undoPromptHeight(prompt) + 2
        if let verification = prompt.verification {
            grid.putVerification(
                verification, focused: true, x: 1, y: y, limit: width - 1, theme: theme, ellipsis: glyphs.ellipsis)
            y += 1
        }
        if let problem = prompt.problem {
            put(problem, at: 1, y, style: theme.error, width: width - 2)
        } else {
            put("enter undoes it (audited as the undo of entry \(prompt.entryID)); esc cancels, nothing is sent",
                at: 1, y, style: theme.secondary, width: width - 2)
        }
    }
}
