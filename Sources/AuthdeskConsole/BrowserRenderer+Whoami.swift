import AuthdeskViewModels

extension BrowserRenderer {
    /// The `:whoami` screen in the help overlay: the lines `authdesk whoami` prints, from the
    /// help's first line on.
    mutating func drawWhoami(_ whoami: WhoamiScreen) {
        let rect = layout.body
        drawBox(rect, title: "Who am I: \(state.tenancy.current.name) (Esc closes, j/k scroll)", focused: true, footer: nil)
        let inner = rect.inner
        guard inner.width > 2, inner.height > 0 else { return }
        let top = min(max(0, state.help.top), max(0, whoami.lines.count - 1))
        for (row, line) in whoami.lines.dropFirst(top).prefix(inner.height).enumerated() {
            put(line, at: inner.x + 1, inner.y + row, style: theme.text, width: inner.width - 2)
        }
    }
}
