import AuthdeskText
import AuthdeskViewModels

extension BrowserRenderer {
    /// The `:activity` screen in the help overlay: the team's recent events, newest first (or
    /// why there are none), from the help's first line on. Each line wraps at the box's width
    /// (continuations indented), so an 80-column terminal shows all of it; the help's scroll
    /// position counts whole lines.
    mutating func drawActivity(_ activity: ActivityScreen) {
        let rect = layout.body
        let title = activity.isTeamMode ? "Activity: what other operators do now (Esc closes, j/k scroll)" : "Activity (Esc closes)"
        drawBox(rect, title: title, focused: true, footer: nil)
        let inner = rect.inner
        guard inner.width > 6, inner.height > 0 else { return }
        let lines = activity.lines
        let top = min(max(0, state.help.top), max(0, lines.count - 1))
        var y = inner.y
        for line in lines.dropFirst(top) {
            // A line that fits keeps its spacing; a longer one wraps within the continuations' indent.
            let visible = TerminalText.visible(line)
            let parts = text(visible).width <= inner.width - 2
                ? [visible] : TextWrap.lines(visible, width: inner.width - 4, asciiOnly: options.asciiText)
            for (number, part) in parts.enumerated() {
                guard y < inner.y + inner.height else { return }
                let x = inner.x + 1 + (number == 0 ? 0 : 2)
                put(part, at: x, y, style: theme.text, width: inner.x + inner.width - 1 - x)
                y += 1
            }
        }
    }
}
