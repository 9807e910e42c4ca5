import AuthdeskViewModels

/// The bulk screen's trust steps: one user's requests in place of the plan (`r`), and the
/// caller verification above the confirmation's phrase.
extension BulkRenderer {
    /// The requests of the plan's user as the dialogs show theirs (``RequestsPreview``), each
    /// wrapped to the screen's width.
    func requestLines(_ shown: BulkUserRequests) -> [(String, CellStyle)] {
        var out: [(String, CellStyle)] = [
            ("\(shown.user.tenant)  \(shown.user.displayName)  (\(shown.user.userID))", theme.header),
        ]
        for line in shown.preview.lines {
            for part in TextWrap.lines(line, width: max(10, grid.width - 6), asciiOnly: options.asciiText) {
                out.append(("   " + part, theme.text))
            }
        }
        out.append(("", theme.text))
        let position = (state.plan?.users.firstIndex { $0.id == shown.id }).map { "user \($0 + 1) of \(state.plan?.users.count ?? 0)" }
        out.append(((position.map { $0 + " \(glyphs.separator) " } ?? "") + "j/k: next/previous user \(glyphs.separator) r or esc: back to the plan",
                    theme.secondary))
        return out
    }

    /// The verification line above row `y` when the job asks it; returns the row above what it drew.
    mutating func drawVerificationLine(above y: Int) -> Int {
        guard state.needsVerification else { return y }
        grid.fill(x: 0, y: y - 1, width: grid.width, height: 1)
        grid.putVerification(
            state.callerVerification, focused: state.verificationFocused, x: 1, y: y - 1, limit: grid.width - 1,
            theme: theme, ellipsis: glyphs.ellipsis)
        return y - 1
    }
}
