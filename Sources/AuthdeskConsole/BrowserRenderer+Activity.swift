import AuthdeskViewModels

extension BrowserRenderer {
    /// The `:activity` screen in the help overlay: the team's recent events, newest first (or
    /// why there are none), from the help's first line on.
    mutating func drawActivity(_ activity: ActivityScreen) {
        let rect = layout.body
        let title = activity.isTeamMode ? "Activity: what other operators do now (Esc closes, j/k scroll)" : "Activity (Esc closes)"
        drawBox(rect, title: title, focused: true, footer: nil)
        let inner = rect.inner
        guard inner.width > 2, inner.height > 0 else { return }
        let lines = activity.lines
        let top = min(max(0, state.help.top), max(0, lines.count - 1))
        for (row, line) in lines.dropFirst(top).prefix(inner.height).enumerated() {
            put(line, at: inner.x + 1, inner.y + row, style: theme.text, width: inner.width - 2)
        }
    }
}
