extension JournalViewState {
    /// The journal screen's rows of the key table (``KeyMap/standard``): moving through the
    /// entries, the filter, the export; and while the filter is typed, the filter's own keys.
    public static let bindings: [KeyBinding] = [
        KeyBinding(.character("/"), .search, scope: .journal, "filter the entries (any words)", isHint: true, hint: "filter"),
        KeyBinding(.character("j"), .moveDown, scope: .journal, "down", isHint: true, hint: "move"),
        KeyBinding(.down, .moveDown, scope: .journal, "down"),
        KeyBinding(.character("k"), .moveUp, scope: .journal, "up"),
        KeyBinding(.up, .moveUp, scope: .journal, "up"),
        KeyBinding(.pageDown, .pageDown, scope: .journal, "page down", isHint: true, hint: "page"),
        KeyBinding(.control("f"), .pageDown, scope: .journal, "page down"),
        KeyBinding(.character(" "), .pageDown, scope: .journal, "page down"),
        KeyBinding(.pageUp, .pageUp, scope: .journal, "page up"),
        KeyBinding(.control("b"), .pageUp, scope: .journal, "page up"),
        KeyBinding(.character("g"), .top, scope: .journal, "newest"),
        KeyBinding(.home, .top, scope: .journal, "newest"),
        KeyBinding(.character("G"), .bottom, scope: .journal, "oldest"),
        KeyBinding(.end, .bottom, scope: .journal, "oldest"),
        KeyBinding(.character("e"), .export, scope: .journal, "export the entries shown as CSV and JSON", isHint: true, hint: "export CSV+JSON"),
        KeyBinding(.character("u"), .undo, scope: .journal, "undo the selected entry (asks first)", isHint: true, hint: "undo"),
        KeyBinding(.escape, .back, scope: .journal, "back to the browser", isHint: true, hint: "back"),
        KeyBinding(.character("q"), .back, scope: .journal, "back to the browser"),
        KeyBinding(.enter, .accept, scope: .journalFilter, "keep the filter", isHint: true, hint: "keep filter"),
        KeyBinding(.escape, .cancel, scope: .journalFilter, "clear the filter", isHint: true, hint: "clear filter"),
        KeyBinding(.backspace, .deleteBackward, scope: .journalFilter, "delete character"),
        KeyBinding(.delete, .deleteBackward, scope: .journalFilter, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .journalFilter, "clear the field"),
        KeyBinding(.down, .moveDown, scope: .journalFilter, "down"),
        KeyBinding(.up, .moveUp, scope: .journalFilter, "up"),
        KeyBinding(.enter, .confirm, scope: .journalUndo, "undo the entry", isHint: true, hint: "undo it"),
        KeyBinding(.escape, .cancel, scope: .journalUndo, "cancel: nothing is sent", isHint: true, hint: "cancel"),
        KeyBinding(.left, .cursorLeft, scope: .journalUndo, "previous way the caller was verified"),
        KeyBinding(.right, .cursorRight, scope: .journalUndo, "next way the caller was verified", isHint: true, hint: "verified by"),
        KeyBinding(.tab, .nextField, scope: .journalUndo, "to the note and back", isHint: true, hint: "note"),
        KeyBinding(.backspace, .deleteBackward, scope: .journalUndo, "delete character"),
        KeyBinding(.control("u"), .clearInput, scope: .journalUndo, "clear the note"),
    ]

    /// The scope of the journal screen's keys now.
    public var keyScope: KeyScope { undoPrompt != nil ? .journalUndo : isFiltering ? .journalFilter : .journal }
}
