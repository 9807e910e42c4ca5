import AuthdeskViewModels

extension CellGrid {
    /// `Verified: < Callback to the number on file >  Note: rang back`: the caller-verification
    /// step outside a dialog (the bulk confirmation, the journal's undo), the part with the keys
    /// marked (`focused` false: neither part has them).
    mutating func putVerification(
        _ input: VerificationInput, focused: Bool, x: Int, y: Int, limit: Int, theme: Theme, ellipsis: String
    ) {
        var x = x
        x += put("Verified: ", x: x, y: y, style: theme.prompt, width: limit - x, ellipsis: ellipsis)
        let method = focused && input.focus == .method ? theme.selection : theme.text
        x += put("< \(input.choiceText) >", x: x, y: y, style: method, width: max(1, min(limit / 2, limit - x)), ellipsis: ellipsis)
        x += put("  Note: ", x: x, y: y, style: theme.prompt, width: max(0, limit - x), ellipsis: ellipsis)
        let shown = String(input.note.suffix(max(0, limit - x - 1)))
        x += put(shown, x: x, y: y, style: theme.text, width: max(0, limit - x), ellipsis: ellipsis)
        if focused, input.focus == .note, x < limit { set(Cell(" ", style: theme.cursor), x: x, y: y) }
    }
}
